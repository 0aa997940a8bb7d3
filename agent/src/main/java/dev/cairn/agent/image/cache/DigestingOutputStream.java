package dev.cairn.agent.image.cache;

import dev.cairn.agent.image.oci.Digest;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/** Counts and SHA-256-hashes the bytes written through it; not thread-safe. */
public final class DigestingOutputStream extends FilterOutputStream {

  private final MessageDigest sha = Digest.newSha256();
  private final byte[] head = new byte[4];
  private long count;

  public DigestingOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    sha.update(b, off, len);
    if (count < head.length) {
      System.arraycopy(b, off, head, (int) count, (int) Math.min(len, head.length - count));
    }
    count += len;
  }

  public long count() {
    return count;
  }

  /** The first up to four bytes written (enough to sniff gzip or zstd). */
  public byte[] head() {
    return java.util.Arrays.copyOf(head, (int) Math.min(count, head.length));
  }

  /** The digest of everything written; call once, at the end. */
  public Digest digest() {
    return Digest.of(sha);
  }
}
