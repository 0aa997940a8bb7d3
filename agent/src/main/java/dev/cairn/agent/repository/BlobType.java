package dev.cairn.agent.repository;

/** What a blob holds: file content ({@code DATA}) or a directory listing ({@code TREE}). */
public enum BlobType {
  DATA(0),
  TREE(1);

  private final int code;

  BlobType(int code) {
    this.code = code;
  }

  /** The on-disk code (pack header, index, blob AAD). */
  public int code() {
    return code;
  }

  /** The type with this on-disk code. */
  public static BlobType of(int code) throws CorruptObjectException {
    return switch (code) {
      case 0 -> DATA;
      case 1 -> TREE;
      default -> throw new CorruptObjectException("unknown blob type " + code);
    };
  }
}
