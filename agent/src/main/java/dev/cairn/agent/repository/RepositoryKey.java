package dev.cairn.agent.repository;

/**
 * The unlocked master key as the repository uses it: authenticated encryption (AES-256-GCM,
 * {@code nonce || ciphertext || tag}) and keyed blob ids (HMAC-SHA-256). Implemented in
 * {@code dev.cairn.agent.crypto}; implementations are thread-safe.
 */
public interface RepositoryKey {

  /** Bytes a sealed message is longer than its plaintext (nonce and tag). */
  int OVERHEAD = 12 + 16;

  /** Seals {@code in[off, off+len)} into {@code out} at {@code outOff}; returns the sealed length. */
  int seal(byte[] in, int off, int len, byte[] aad, byte[] out, int outOff);

  /** Seals into a new array. */
  default byte[] seal(byte[] plaintext, byte[] aad) {
    byte[] out = new byte[plaintext.length + OVERHEAD];
    seal(plaintext, 0, plaintext.length, aad, out, 0);
    return out;
  }

  /**
   * Opens a sealed message into {@code out} at {@code outOff}; returns the plaintext length.
   *
   * @throws CorruptObjectException when the tag does not authenticate (damage, wrong key or AAD)
   */
  int open(byte[] in, int off, int len, byte[] aad, byte[] out, int outOff) throws CorruptObjectException;

  /** Opens into a new array. */
  default byte[] open(byte[] sealed, byte[] aad) throws CorruptObjectException {
    if (sealed.length < OVERHEAD) {
      throw new CorruptObjectException("sealed data of " + sealed.length + " bytes is too short");
    }
    byte[] out = new byte[sealed.length - OVERHEAD];
    open(sealed, 0, sealed.length, aad, out, 0);
    return out;
  }

  /** The keyed id of a plaintext: HMAC-SHA-256 under the repository's MAC key. */
  BlobId id(byte[] data, int off, int len);

  /** A stable fingerprint of the MAC key (not secret-revealing), to tell whether two repositories share ids. */
  String idKeyFingerprint();
}
