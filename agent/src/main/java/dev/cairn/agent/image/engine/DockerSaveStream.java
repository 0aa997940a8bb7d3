package dev.cairn.agent.image.engine;

import dev.cairn.agent.image.cache.BlobStore;
import dev.cairn.agent.image.cache.CachedImage;
import dev.cairn.agent.image.cache.Progress;
import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.oci.DockerSaveManifest;
import dev.cairn.agent.image.oci.OciJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A {@code docker save} tar of one cached image, generated while it is read: tar headers and padding
 * from memory, config and layer bytes straight from the cache's blob files. Layers whose chain id is
 * in {@code skip} are listed in {@code manifest.json} but not sent. Not thread-safe; close it.
 */
public final class DockerSaveStream extends InputStream {

  private static final int BLOCK = TarConstants.DEFAULT_RCDSIZE;

  private final InputStream parts;
  private final Progress progress;
  private final long total;
  private long sent;

  private DockerSaveStream(InputStream parts, long total, Progress progress) {
    this.parts = parts;
    this.total = total;
    this.progress = progress;
  }

  /** Opens the stream; every blob file it needs is opened now, so a missing blob fails here. */
  public static DockerSaveStream open(CachedImage image, BlobStore blobs, Set<Digest> skip, Progress progress)
      throws IOException {
    List<Layer> layers = new ArrayList<>();
    try {
      List<Digest> chains = dev.cairn.agent.image.oci.ChainIds.of(image.diffIds());
      for (int i = 0; i < chains.size(); i++) {
        Digest blob = image.manifest().layers().get(i).digest();
        layers.add(skip.contains(chains.get(i))
            ? new Layer(chains.get(i), null, 0)
            : new Layer(chains.get(i), blobs.open(blob), blobs.size(blob)));
      }
      return of(image.imageId(), blobs.open(image.imageId()), blobs.size(image.imageId()), layers,
          List.of(image.ref().toString()), progress);
    } catch (IOException | RuntimeException e) {
      for (Layer layer : layers) {
        if (layer.content() != null) {
          layer.content().close();
        }
      }
      throw e;
    }
  }

  /**
   * One layer of a load stream: its chain id (which names its directory) and its content, or a null
   * content for a layer the engine holds (listed in {@code manifest.json}, not sent).
   */
  public record Layer(Digest chainId, InputStream content, long size) {}

  /**
   * A load stream of the config {@code configDigest} and {@code layers} (bottom first), tagged with
   * {@code repoTags} (none: the engine keeps the image untagged). Takes ownership of every stream.
   */
  public static DockerSaveStream of(
      Digest configDigest, InputStream config, long configSize, List<Layer> layers, List<String> repoTags, Progress progress)
      throws IOException {
    List<InputStream> parts = new ArrayList<>();
    long total = 0;
    String configName = configDigest.hex() + ".json";
    total += addEntry(parts, configName, config, configSize);
    List<String> layerPaths = new ArrayList<>();
    for (Layer layer : layers) {
      String path = layer.chainId().hex() + "/layer.tar";
      layerPaths.add(path);
      if (layer.content() != null) {
        total += addEntry(parts, path, layer.content(), layer.size());
      }
    }
    byte[] manifest = OciJson.bytes(List.of(new DockerSaveManifest(configName, repoTags, layerPaths)));
    total += addEntry(parts, "manifest.json", new ByteArrayInputStream(manifest), manifest.length);
    parts.add(new ByteArrayInputStream(new byte[2 * BLOCK]));
    total += 2 * BLOCK;
    return new DockerSaveStream(new SequenceInputStream(Collections.enumeration(parts)), total, progress);
  }

  private static long addEntry(List<InputStream> parts, String name, InputStream content, long size) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(size);
    entry.setMode(0100644);
    entry.setModTime(0);
    byte[] header = new byte[BLOCK];
    entry.writeEntryHeader(header);
    parts.add(new ByteArrayInputStream(header));
    parts.add(content);
    int padding = (int) ((BLOCK - size % BLOCK) % BLOCK);
    if (padding > 0) {
      parts.add(new ByteArrayInputStream(new byte[padding]));
    }
    return BLOCK + size + padding;
  }

  /** Bytes the whole stream holds. */
  public long total() {
    return total;
  }

  /** Bytes read so far. */
  public long sent() {
    return sent;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = parts.read(b, off, len);
    if (n > 0) {
      sent += n;
      progress.update("load", sent, total);
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    parts.close();
  }
}
