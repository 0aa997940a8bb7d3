package dev.cairn.agent.image.cache;

import dev.cairn.agent.image.oci.Digest;
import java.nio.file.Path;

/**
 * A blob written and fsynced into a staging area, with the digest and size computed while it was
 * written; {@code file} is null when the blob was already in the cache and only hashed.
 */
public record StagedBlob(Digest digest, long size, Path file, byte[] head) {

  public boolean written() {
    return file != null;
  }

  /** Whether the content starts with the gzip magic bytes. */
  public boolean gzip() {
    return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
  }

  /** Whether the content starts with the zstd magic bytes. */
  public boolean zstd() {
    return head.length >= 4
        && (head[0] & 0xff) == 0x28
        && (head[1] & 0xff) == 0xb5
        && (head[2] & 0xff) == 0x2f
        && (head[3] & 0xff) == 0xfd;
  }
}
