package dev.cairn.agent.crypto;

/** The JSON content of {@code keys/<id>} (docs/repository-format.md §3). Immutable. */
record KeyFile(int version, String created, String host, String user, KdfParams kdf, byte[] data) {
  static final int VERSION = 1;
}
