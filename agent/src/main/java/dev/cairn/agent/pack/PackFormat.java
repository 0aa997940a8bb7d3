package dev.cairn.agent.pack;

import java.nio.charset.StandardCharsets;

/** Constants of the pack file layout (docs/repository-format.md §6). */
final class PackFormat {
  static final byte[] MAGIC = "CAIRNPK1".getBytes(StandardCharsets.US_ASCII);
  static final byte[] END_MAGIC = "CAIRNPKE".getBytes(StandardCharsets.US_ASCII);
  /** Header length (u32) and end magic. */
  static final int TRAILER = 4 + 8;

  private PackFormat() {}
}
