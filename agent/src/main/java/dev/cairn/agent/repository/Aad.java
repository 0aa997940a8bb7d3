package dev.cairn.agent.repository;

import dev.cairn.agent.backend.Handle;
import java.nio.charset.StandardCharsets;

/** The additional authenticated data of every sealed thing (docs/repository-format.md §2). */
public final class Aad {

  public static final byte[] KEY = ascii("cairn/v1/key");
  public static final byte[] CONFIG = ascii("cairn/v1/config");
  public static final byte[] PACK_HEADER = ascii("cairn/v1/pack-header");
  static final byte[] BLOB_PREFIX = ascii("cairn/v1/blob");

  private Aad() {}

  /** The AAD of a sealed object stored under a handle: {@code cairn/v1/<dir>/<name>}. */
  public static byte[] of(Handle handle) {
    return ascii("cairn/v1/" + handle.type().directory() + "/" + handle.name());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
