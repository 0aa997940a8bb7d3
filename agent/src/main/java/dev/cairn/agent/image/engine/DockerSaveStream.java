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
    List<InputStream> parts = new ArrayList<>();
    long[] total = {0};
    try {
      String configName = image.imageId().hex() + ".json";
      total[0] += addEntry(parts, configName, blobs.open(image.imageId()), blobs.size(image.imageId()));
      List<Digest> chains = dev.cairn.agent.image.oci.ChainIds.of(image.diffIds());
      List<String> layerPaths = new ArrayList<>();
      for (int i = 0; i < chains.size(); i++) {
        String path = chains.get(i).hex() + "/layer.tar";
        layerPaths.add(path);
        if (!skip.contains(chains.get(i))) {
          Digest blob = image.manifest().layers().get(i).digest();
          total[0] += addEntry(parts, path, blobs.open(blob), blobs.size(blob));
        }
      }
      byte[] manifest =
          OciJson.bytes(List.of(new DockerSaveManifest(configName, List.of(image.ref().toString()), layerPaths)));
      total[0] += addEntry(parts, "manifest.json", new ByteArrayInputStream(manifest), manifest.length);
      parts.add(new ByteArrayInputStream(new byte[2 * BLOCK]));
      total[0] += 2 * BLOCK;
    } catch (IOException | RuntimeException e) {
      for (InputStream part : parts) {
        part.close();
      }
      throw e;
    }
    return new DockerSaveStream(new SequenceInputStream(Collections.enumeration(parts)), total[0], progress);
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
