package dev.cairn.agent.image;

import dev.cairn.agent.image.archive.ArchiveImporter;
import dev.cairn.agent.image.engine.LayerFeed;
import dev.cairn.agent.image.archive.ImportReport;
import dev.cairn.agent.image.cache.CacheLock;
import dev.cairn.agent.image.cache.CachedImage;
import dev.cairn.agent.image.cache.ImageCache;
import dev.cairn.agent.image.cache.Progress;
import dev.cairn.agent.image.engine.DockerEngine;
import dev.cairn.agent.image.engine.EngineLoader;
import dev.cairn.agent.image.engine.LoadReport;
import dev.cairn.agent.image.history.HistoryStore;
import dev.cairn.agent.image.history.ImageVersion;
import dev.cairn.agent.image.history.RepositoryHistory;
import dev.cairn.agent.image.history.RetentionPolicy;
import dev.cairn.agent.image.oci.ImageException;
import dev.cairn.agent.image.oci.ImageNotFoundException;
import dev.cairn.agent.image.oci.ImageRef;
import dev.cairn.agent.image.registry.PushReport;
import dev.cairn.agent.image.registry.RegistryClient;
import dev.cairn.agent.image.registry.RegistryPusher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one entry point to the node's images: import archives, load into the engine and make a
 * version current, roll back, collect garbage, push to a registry, list. {@link #load} and {@link
 * #rollback} never throw for expected failures: they return {@link ImageResult}s with outcome
 * {@code FAILED} and a detail saying what to do (as agent commands report). Thread-safe: mutating
 * operations hold the cache lock.
 */
public final class ImageService {

  private final ImageCache cache;
  private final ImageSettings settings;
  private final Supplier<DockerEngine> engine;
  private final ImageJournal journal;

  private ImageService(ImageCache cache, ImageSettings settings, Supplier<DockerEngine> engine, ImageJournal journal) {
    this.cache = cache;
    this.settings = settings;
    this.engine = engine;
    this.journal = journal;
  }

  /**
   * Opens the cache under {@code base}. {@code engine} is asked for the Docker engine only when an
   * operation needs it (load, rollback).
   */
  public static ImageService open(
      Path base, ImageSettings settings, Supplier<DockerEngine> engine, ImageEventListener listener, Clock clock)
      throws IOException {
    ImageCache cache = ImageCache.open(base);
    return new ImageService(cache, settings, engine, new ImageJournal(new HistoryStore(cache.root()), listener, clock));
  }

  public ImageCache cache() {
    return cache;
  }

  /** Imports an archive or OCI layout into the cache and records each image as a version. */
  public ImportReport importArchive(Path archive, Optional<String> name, Source source, Progress progress)
      throws IOException, ImageException {
    try (CacheLock lock = cache.lock()) {
      ImportReport report = new ArchiveImporter(cache).importArchive(archive, name, progress);
      journal.imported(report, source);
      return report;
    }
  }

  /**
   * Imports an archive and loads its images, making them current. For a seekable {@code docker save}
   * archive the layers are sent to the engine while the import runs, each once it is verified (see
   * {@link LayerFeed}); if the import rejects the archive the layers sent are removed from the engine
   * again and nothing is tagged. Whatever the engine still lacks after the import is loaded from the
   * cache as {@link #load} does.
   */
  public ImportAndLoad importAndLoad(Path archive, Optional<String> name, Source source, Progress progress)
      throws IOException, ImageException {
    try (LayerFeed feed = LayerFeed.start(engine, cache.blobs())) {
      ImportReport report;
      try {
        try (CacheLock lock = cache.lock()) {
          report = new ArchiveImporter(cache).importArchive(archive, name, progress, feed);
          journal.imported(report, source);
        }
      } catch (IOException | ImageException | RuntimeException e) {
        feed.abort();
        throw e;
      }
      feed.finish();
      List<String> refs = report.images().stream().flatMap(i -> i.refs().stream()).map(Object::toString).toList();
      List<ImageResult> results = new ArrayList<>();
      for (String ref : refs) {
        results.addAll(load(List.of(ref), source, progress, feed));
      }
      return new ImportAndLoad(report, List.copyOf(results));
    }
  }

  /** What {@link #importAndLoad} did: the import report and one load result per reference. */
  public record ImportAndLoad(ImportReport imported, List<ImageResult> loaded) {}

  /**
   * Loads each {@code name:tag} from the cache into the engine and makes it current (moves the
   * alias). One result per reference, in order; OK when the engine already ran it as current.
   */
  public List<ImageResult> load(List<String> refs, Source source, Progress progress) {
    return load(refs, source, progress, null);
  }

  private List<ImageResult> load(List<String> refs, Source source, Progress progress, LayerFeed fed) {
    List<ImageResult> results = new ArrayList<>();
    for (String text : refs) {
      Instant started = journal.clock().instant();
      try (CacheLock lock = cache.lock()) {
        ImageRef ref = ImageRef.parse(text);
        CachedImage image = cache.get(ref);
        results.add(activate(image, ImageEventType.ALIAS_MOVED, source, progress, started, fed));
      } catch (ImageException | IOException | IllegalArgumentException e) {
        results.add(new ImageResult(text, Outcome.FAILED, e.getMessage(), null, started, journal.clock().instant()));
      }
    }
    return List.copyOf(results);
  }

  /**
   * Moves the alias of {@code repository} to {@code toTag}, or to the version imported before the
   * current one, re-loading it from the cache if the engine no longer has it.
   */
  public ImageResult rollback(String repository, Optional<String> toTag, Source source, Progress progress) {
    Instant started = journal.clock().instant();
    String label = repository + toTag.map(t -> ":" + t).orElse("");
    try (CacheLock lock = cache.lock()) {
      RepositoryHistory history = journal.history(repository);
      if (history.versions().isEmpty()) {
        throw new ImageNotFoundException("no versions of " + repository + " are recorded: nothing to roll back to");
      }
      ImageVersion target;
      if (toTag.isPresent()) {
        target = history.version(toTag.get()).orElseThrow(() -> new ImageNotFoundException(
            repository + " has no version " + toTag.get() + "; known versions: " + tags(history)));
      } else {
        target = history.previous().orElseThrow(() -> new ImageNotFoundException(
            repository + " has no version before " + (history.current() == null ? "(none is current)" : history.current())
                + "; name one with --to TAG (known: " + tags(history) + ")"));
      }
      ImageRef ref = new ImageRef(repository, target.tag());
      CachedImage image = cache.find(ref).orElseThrow(() -> new ImageNotFoundException(
          ref + " is no longer in the cache (garbage-collected): import its archive again, then roll back"));
      return activate(image, ImageEventType.ROLLED_BACK, source, progress, started, null);
    } catch (ImageException | IOException | IllegalArgumentException e) {
      return new ImageResult(label, Outcome.FAILED, e.getMessage(), null, started, journal.clock().instant());
    }
  }

  /**
   * Ensures the engine has the image, points the alias at it and records it as current; {@code fed}
   * (nullable) sent layers of it while it was imported.
   */
  private ImageResult activate(
      CachedImage image, ImageEventType moveType, Source source, Progress progress, Instant started, LayerFeed fed)
      throws IOException, ImageException {
    ImageRef ref = image.ref();
    DockerEngine docker = engine.get();
    LoadReport report = new EngineLoader(docker, cache.blobs()).load(image, progress);
    LoadReport loaded = fed == null ? report : fed.merged(report);
    boolean whileImporting = loaded != report;
    report = loaded;
    ImageRef aliasRef = ref.withTag(settings.alias());
    boolean aliasInPlace =
        docker.inspect(aliasRef.toString()).map(found -> found.id().equals(image.imageId())).orElse(false);
    if (!aliasInPlace) {
      docker.tag(image.imageId(), aliasRef);
    }
    RepositoryHistory history = journal.history(ref.repository());
    boolean historyInPlace = ref.tag().equals(history.current()) && settings.alias().equals(history.alias());
    ImageVersion version = history.version(ref.tag()).orElse(
        new ImageVersion(ref.tag(), image.manifestDigest(), image.imageId(), image.size(), image.diffIds().size(),
            image.diffIds().size(), journal.clock().instant(), source.toString(), null));
    if (history.version(ref.tag()).isEmpty()) {
      history = history.withVersion(version);
    }
    List<ImageEvent> events = new ArrayList<>();
    if (!report.alreadyPresent()) {
      events.add(journal.event(ImageEventType.LOADED, ref, image.imageId(), source,
          report.layersSent() + " layers sent, " + report.layersSkipped() + " skipped (engine had them), "
              + report.bytesSent() + " bytes streamed" + (whileImporting ? "; layers sent while the archive was imported" : "")));
    }
    boolean changed = !report.alreadyPresent() || !aliasInPlace || !historyInPlace;
    if (!aliasInPlace || !historyInPlace) {
      events.add(journal.event(moveType, ref, image.imageId(), source,
          aliasRef + " now points at " + ref + (history.current() == null ? "" : " (was " + ref.repository() + ":" + history.current() + ")")));
    }
    history = history.withUpdated(version.withLoadedAt(journal.clock().instant())).withCurrent(ref.tag(), settings.alias());
    journal.record(history, events);
    String detail = changed
        ? (report.alreadyPresent() ? "engine already had it; " : "loaded (" + report.layersSent() + " layers sent, "
            + report.layersSkipped() + " skipped); ") + aliasRef + " → " + ref
        : ref + " is already current";
    return new ImageResult(ref.toString(), changed ? Outcome.CHANGED : Outcome.OK, detail, image.imageId(), started,
        journal.clock().instant());
  }

  /** Collects garbage: drops versions outside the policy, then every blob no remaining image uses. */
  public GcReport gc(RetentionPolicy policy, Source source) throws IOException {
    try (CacheLock lock = cache.lock()) {
      return new GarbageCollector(cache, journal).collect(policy, source);
    }
  }

  /** Pushes a cached image to a registry ({@code 127.0.0.1:5000} or a URL), skipping blobs it has. */
  public PushReport push(String image, String registry, Source source, Progress progress) throws IOException, ImageException {
    try (CacheLock lock = cache.lock()) {
      ImageRef ref = ImageRef.parse(image);
      CachedImage cached = cache.get(ref);
      PushReport report = new RegistryPusher(cache.blobs()).push(cached, new RegistryClient(RegistryClient.baseUri(registry)), progress);
      journal.record(journal.history(ref.repository()), List.of(journal.event(ImageEventType.PUSHED, ref, cached.imageId(), source,
          "pushed to " + report.target() + ": " + report.blobsPresent() + " of " + report.blobs() + " blobs already there, "
              + report.bytesUploaded() + " bytes uploaded")));
      return report;
    } catch (IllegalArgumentException e) {
      throw new ImageException(e.getMessage(), e);
    }
  }

  /** Every repository with its versions, current tag and cache hit rate. */
  public List<RepositoryStatus> list() throws IOException {
    List<RepositoryStatus> statuses = new ArrayList<>();
    for (RepositoryHistory history : journal.all()) {
      statuses.add(new RepositoryStatus(history, hitRate(history)));
    }
    return List.copyOf(statuses);
  }

  /** Layers found in the cache ÷ layers needed, over every version after the first. */
  static HitRate hitRate(RepositoryHistory history) {
    int needed = 0;
    int found = 0;
    List<ImageVersion> versions = history.versions();
    for (int i = 1; i < versions.size(); i++) {
      needed += versions.get(i).layers();
      found += versions.get(i).layersCached();
    }
    return new HitRate(Math.max(0, versions.size() - 1), needed, found);
  }

  private static String tags(RepositoryHistory history) {
    return String.join(", ", history.versions().stream().map(ImageVersion::tag).toList());
  }
}
