package dev.cairn.agent.image;

import dev.cairn.agent.image.archive.ImportReport;
import dev.cairn.agent.image.archive.ImportedImage;
import dev.cairn.agent.image.history.HistoryEvent;
import dev.cairn.agent.image.history.HistoryStore;
import dev.cairn.agent.image.history.ImageVersion;
import dev.cairn.agent.image.history.RepositoryHistory;
import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.oci.ImageRef;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records changes: appends events to a repository's history, saves it atomically, then hands the
 * events to the listener. Callers hold the cache lock.
 */
final class ImageJournal {

  private final HistoryStore store;
  private final ImageEventListener listener;
  private final Clock clock;

  ImageJournal(HistoryStore store, ImageEventListener listener, Clock clock) {
    this.store = store;
    this.listener = listener;
    this.clock = clock;
  }

  Clock clock() {
    return clock;
  }

  RepositoryHistory history(String repository) throws IOException {
    return store.get(repository);
  }

  List<RepositoryHistory> all() throws IOException {
    return store.all();
  }

  ImageEvent event(ImageEventType type, ImageRef ref, Digest imageId, Source source, String detail) {
    return new ImageEvent(clock.instant(), type, ref.repository(), ref.tag(), imageId, source, detail);
  }

  /** Adds each imported reference as a version of its repository (a re-import of the same manifest changes nothing). */
  void imported(ImportReport report, Source source) throws IOException {
    for (ImportedImage image : report.images()) {
      for (ImageRef ref : image.refs()) {
        RepositoryHistory history = store.get(ref.repository());
        Optional<ImageVersion> existing = history.version(ref.tag());
        if (existing.isPresent() && existing.get().manifest().equals(image.manifestDigest())) {
          continue;
        }
        ImageVersion version =
            new ImageVersion(ref.tag(), image.manifestDigest(), image.imageId(), image.size(), image.layers(),
                image.layersCached(), clock.instant(), source.toString(), null);
        String detail = image.layersCached() + " of " + image.layers() + " layers already cached, from " + report.source()
            + existing.map(old -> "; replaces image " + old.imageId().shortHex()).orElse("");
        record(history.withVersion(version), List.of(event(ImageEventType.IMPORTED, ref, image.imageId(), source, detail)));
      }
    }
  }

  /** Saves the history with the events appended, then tells the listener. */
  void record(RepositoryHistory history, List<ImageEvent> events) throws IOException {
    RepositoryHistory changed = history;
    for (ImageEvent e : events) {
      changed = changed.withEvent(new HistoryEvent(e.at(), e.type().name(), e.tag(), e.imageId(), e.source().toString(), e.detail()));
    }
    store.save(changed);
    for (ImageEvent e : List.copyOf(new ArrayList<>(events))) {
      try {
        listener.onEvent(e);
      } catch (RuntimeException ignored) {
        // the history holds the event; a failing listener must not undo a done change
      }
    }
  }
}
