package dev.cairn.agent.image;

import dev.cairn.agent.image.cache.ImageCache;
import dev.cairn.agent.image.history.ImageVersion;
import dev.cairn.agent.image.history.RepositoryHistory;
import dev.cairn.agent.image.history.RetentionPolicy;
import dev.cairn.agent.image.oci.Descriptor;
import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.oci.ImageManifest;
import dev.cairn.agent.image.oci.ImageRef;
import dev.cairn.agent.image.oci.OciJson;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries out a retention plan: removes the dropped versions from {@code index.json} and their
 * histories (an EVICTED event each), then deletes every blob no remaining index entry reaches
 * (including blobs left by an interrupted import). Callers hold the cache lock.
 */
final class GarbageCollector {

  private final ImageCache cache;
  private final ImageJournal journal;

  GarbageCollector(ImageCache cache, ImageJournal journal) {
    this.cache = cache;
    this.journal = journal;
  }

  GcReport collect(RetentionPolicy policy, Source source) throws IOException {
    cache.removeStaleStaging();
    Map<Digest, Long> sizes = cache.blobs().list();
    List<RepositoryHistory> histories = journal.all();
    RetentionPolicy.Plan plan = policy.apply(histories, version -> blobsOf(version.manifest()), sizes);
    Map<String, List<RetentionPolicy.Decision>> removals = new LinkedHashMap<>();
    plan.removed().forEach(d -> removals.computeIfAbsent(d.repository(), r -> new ArrayList<>()).add(d));
    for (Map.Entry<String, List<RetentionPolicy.Decision>> entry : removals.entrySet()) {
      RepositoryHistory history = journal.history(entry.getKey());
      List<ImageRef> refs = new ArrayList<>();
      List<ImageEvent> events = new ArrayList<>();
      for (RetentionPolicy.Decision decision : entry.getValue()) {
        ImageVersion version = decision.version();
        ImageRef ref = new ImageRef(entry.getKey(), version.tag());
        refs.add(ref);
        history = history.withoutVersion(version.tag());
        events.add(journal.event(ImageEventType.EVICTED, ref, version.imageId(), source, decision.reason()));
      }
      cache.removeRefs(refs);
      journal.record(history, events);
    }
    Set<Digest> live = new HashSet<>();
    for (Descriptor entry : cache.refs().values()) {
      live.addAll(liveBlobsOf(entry.digest()));
    }
    int removed = 0;
    long freed = 0;
    for (Digest blob : sizes.keySet()) {
      if (!live.contains(blob)) {
        freed += cache.blobs().remove(blob);
        removed++;
      }
    }
    long kept = sizes.values().stream().mapToLong(Long::longValue).sum() - freed;
    return new GcReport(plan.decisions(), removed, freed, kept, policy.budgetBytes() > 0 && kept > policy.budgetBytes());
  }

  /**
   * What a kept version keeps alive: its manifest, config and layers. A manifest that is gone or
   * damaged (does not parse) keeps only itself; one that cannot be read for another reason
   * (permissions, an I/O error) stops the collection before anything is deleted, since its config
   * and layers may be a rollback's target.
   */
  private Set<Digest> liveBlobsOf(Digest manifestDigest) throws IOException {
    byte[] json;
    try {
      json = cache.blobs().read(manifestDigest);
    } catch (NoSuchFileException gone) {
      return Set.of(manifestDigest);
    } catch (IOException e) {
      throw new IOException("cannot read manifest " + manifestDigest + " of a kept image (" + e
          + "); nothing was deleted: fix the cache's files (permissions? a failing disk?) and run gc again", e);
    }
    Set<Digest> blobs = new HashSet<>();
    blobs.add(manifestDigest);
    try {
      ImageManifest manifest = OciJson.manifest(json);
      blobs.add(manifest.config().digest());
      manifest.layers().forEach(layer -> blobs.add(layer.digest()));
    } catch (IOException | RuntimeException damaged) {
      // a damaged manifest reaches nothing
    }
    return blobs;
  }

  /** The manifest, config and layers of a manifest, for sizing a retention plan; just the manifest if it cannot be read. */
  private Set<Digest> blobsOf(Digest manifestDigest) {
    try {
      return liveBlobsOf(manifestDigest);
    } catch (IOException | RuntimeException unreadable) {
      return Set.of(manifestDigest);
    }
  }
}
