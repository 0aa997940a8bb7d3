package dev.cairn.agent.image.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An entry's content, counted: ends with a {@link DamagedArchiveException} if the archive delivers
 * fewer bytes than the entry header announced, or if reading the archive fails.
 */
final class CheckedEntryStream extends FilterInputStream {

  private final String name;
  private final long expected;
  private long count;

  CheckedEntryStream(InputStream in, String name, long expected) {
    super(in);
    this.name = name;
    this.expected = expected;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n;
    try {
      n = in.read(b, off, len);
    } catch (IOException e) {
      throw new DamagedArchiveException(
          "reading entry '" + name + "' failed after " + count + " of " + expected + " bytes: " + e.getMessage(), e);
    }
    if (n < 0) {
      if (count != expected) {
        throw new DamagedArchiveException(
            "entry '" + name + "' ends after " + count + " of " + expected + " bytes: the archive is truncated", null);
      }
      return -1;
    }
    count += n;
    if (count > expected) {
      throw new DamagedArchiveException(
          "entry '" + name + "' is longer than its header says (" + expected + " bytes)", null);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    return super.skip(0);
  }

  @Override
  public void close() {
    // the archive stream stays open for the next entry
  }
}
