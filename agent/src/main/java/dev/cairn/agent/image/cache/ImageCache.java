package dev.cairn.agent.image.cache;

import dev.cairn.agent.image.oci.Descriptor;
import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.oci.ImageConfig;
import dev.cairn.agent.image.oci.ImageIndex;
import dev.cairn.agent.image.oci.ImageManifest;
import dev.cairn.agent.image.oci.ImageNotFoundException;
import dev.cairn.agent.image.oci.ImageRef;
import dev.cairn.agent.image.oci.MediaTypes;
import dev.cairn.agent.image.oci.OciJson;
import dev.cairn.agent.state.AtomicFile;
import dev.cairn.agent.state.FileTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The image cache of one node: an OCI image layout whose {@code index.json} names each cached
 * image {@code name:tag}. Reads are safe at any time (the index is replaced atomically); writes go
 * through {@link #lock()}.
 */
public final class ImageCache {

  private static final byte[] OCI_LAYOUT =
      "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);

  private final Path root;
  private final BlobStore blobs;

  private ImageCache(Path root) throws IOException {
    this.root = root;
    this.blobs = new BlobStore(root.resolve("blobs").resolve("sha256"));
  }

  /** Opens (creating when missing) the cache under {@code <base>/cache/images}. */
  public static ImageCache open(Path base) throws IOException {
    Path root = base.resolve("cache").resolve("images");
    Files.createDirectories(root);
    ImageCache cache = new ImageCache(root);
    if (!Files.exists(root.resolve("oci-layout"))) {
      AtomicFile.write(root.resolve("oci-layout"), OCI_LAYOUT);
    }
    if (!Files.exists(root.resolve("index.json"))) {
      cache.writeIndex(List.of());
    }
    return cache;
  }

  public Path root() {
    return root;
  }

  public BlobStore blobs() {
    return blobs;
  }

  /** Takes the writer lock; close it to release. */
  public CacheLock lock() throws IOException {
    return CacheLock.acquire(root.resolve(".lock"));
  }

  /**
   * A new staging area for one import. Call under the lock; areas left by a crashed import are
   * removed by {@link #removeStaleStaging()}.
   */
  public StagingArea newStaging() throws IOException {
    return new StagingArea(root.resolve("staging").resolve(UUID.randomUUID().toString()));
  }

  /** Deletes staging areas left behind by interrupted imports; call under the lock. */
  public void removeStaleStaging() throws IOException {
    FileTree.delete(root.resolve("staging"));
  }

  /** The index entries, one per {@code name:tag}. */
  public Map<ImageRef, Descriptor> refs() throws IOException {
    Map<ImageRef, Descriptor> refs = new LinkedHashMap<>();
    for (Descriptor entry : OciJson.index(Files.readAllBytes(root.resolve("index.json"))).manifests()) {
      String name = entry.annotation(ImageIndex.NAME_ANNOTATION);
      if (name != null && ImageRef.isValid(name)) {
        refs.put(ImageRef.parse(name), entry);
      }
    }
    return refs;
  }

  public Optional<CachedImage> find(ImageRef ref) throws IOException {
    Descriptor entry = refs().get(ref);
    return entry == null ? Optional.empty() : Optional.of(read(ref, entry));
  }

  /**
   * The cached image for {@code ref}.
   *
   * @throws ImageNotFoundException if the cache does not hold it
   */
  public CachedImage get(ImageRef ref) throws IOException, ImageNotFoundException {
    return find(ref)
        .orElseThrow(
            () ->
                new ImageNotFoundException(
                    "image " + ref + " is not in the cache under " + root
                        + ": import it first (cairn images import --base BASE FILE)"));
  }

  /** Every cached image, in index order. */
  public List<CachedImage> images() throws IOException {
    List<CachedImage> images = new ArrayList<>();
    for (Map.Entry<ImageRef, Descriptor> entry : refs().entrySet()) {
      images.add(read(entry.getKey(), entry.getValue()));
    }
    return List.copyOf(images);
  }

  private CachedImage read(ImageRef ref, Descriptor entry) throws IOException {
    ImageManifest manifest = OciJson.manifest(blobs.read(entry.digest()));
    ImageConfig config = OciJson.config(blobs.read(manifest.config().digest()));
    return new CachedImage(ref, entry, manifest, config.diffIds());
  }

  /**
   * Commits an import: moves the verified blobs to their addresses, stores the manifests, then —
   * last, as the commit point — points {@code refs} at their manifests in {@code index.json}. Call
   * under the lock.
   */
  public CommitReport commit(List<StagedBlob> staged, Map<Digest, byte[]> manifests, Map<ImageRef, Digest> refs)
      throws IOException {
    int added = 0;
    long bytes = 0;
    for (StagedBlob blob : staged) {
      long n = blobs.commit(blob);
      added += n > 0 ? 1 : 0;
      bytes += n;
    }
    for (Map.Entry<Digest, byte[]> manifest : manifests.entrySet()) {
      long n = blobs.put(manifest.getValue(), manifest.getKey());
      added += n > 0 ? 1 : 0;
      bytes += n;
    }
    blobs.sync();
    Map<ImageRef, Descriptor> index = new LinkedHashMap<>(refs());
    for (Map.Entry<ImageRef, Digest> ref : refs.entrySet()) {
      byte[] manifest = manifests.containsKey(ref.getValue()) ? manifests.get(ref.getValue()) : blobs.read(ref.getValue());
      index.put(ref.getKey(), indexEntry(ref.getKey(), ref.getValue(), manifest));
    }
    writeIndex(List.copyOf(index.values()));
    return new CommitReport(added, bytes);
  }

  /** Drops references from {@code index.json}; their blobs stay until garbage collection. */
  public void removeRefs(List<ImageRef> removed) throws IOException {
    Map<ImageRef, Descriptor> index = new LinkedHashMap<>(refs());
    removed.forEach(index::remove);
    writeIndex(List.copyOf(index.values()));
  }

  private static Descriptor indexEntry(ImageRef ref, Digest digest, byte[] manifest) throws IOException {
    String mediaType = OciJson.manifest(manifest).mediaType();
    Map<String, String> annotations = new HashMap<>();
    annotations.put(ImageIndex.NAME_ANNOTATION, ref.toString());
    annotations.put(ImageIndex.REF_NAME_ANNOTATION, ref.tag());
    return new Descriptor(
        mediaType == null ? MediaTypes.OCI_MANIFEST : mediaType, digest, manifest.length, annotations, null);
  }

  private void writeIndex(List<Descriptor> entries) throws IOException {
    AtomicFile.write(root.resolve("index.json"), OciJson.bytes(ImageIndex.of(entries)));
  }
}
