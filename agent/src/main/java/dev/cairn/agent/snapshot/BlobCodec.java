package dev.cairn.agent.snapshot;

import dev.cairn.agent.compress.BlobCompressor;
import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.BlobType;
import dev.cairn.agent.repository.CorruptObjectException;
import dev.cairn.agent.repository.PackEntry;
import dev.cairn.agent.repository.RepositoryKey;

/**
 * A blob's plaintext to stored bytes and back: compress (when it pays), then seal with the blob
 * AAD; open, then decompress. Buffers are the caller's, so hot loops allocate nothing.
 */
final class BlobCodec {

  private BlobCodec() {}

  /** The most bytes a blob of {@code plain} bytes takes compressed or not, before sealing. */
  static int compressedBound(int plain) {
    return Math.max(plain, BlobCompressor.maxCompressedLength(plain));
  }

  /** The most bytes a blob of {@code plain} bytes takes sealed. */
  static int sealedBound(int plain) {
    return compressedBound(plain) + RepositoryKey.OVERHEAD;
  }

  /**
   * Scratch buffers for one thread sealing blobs, sized for {@code typicalPlain} bytes at first
   * and grown for a larger blob (then kept). Not thread-safe.
   */
  static final class Scratch {
    private byte[] compressed;
    private byte[] sealed;
    private byte[] input = new byte[64 << 10];

    Scratch(int typicalPlain) {
      reserve(typicalPlain);
    }

    /** Makes room for sealing a blob of {@code plain} bytes. */
    void reserve(int plain) {
      int bound = compressedBound(plain);
      if (compressed == null || compressed.length < bound) {
        compressed = new byte[bound];
        sealed = new byte[bound + RepositoryKey.OVERHEAD];
      }
    }

    /** The sealed bytes of the last {@link BlobCodec#seal}. */
    byte[] sealed() {
      return sealed;
    }

    /**
     * A buffer of at least {@code size} bytes for a whole small file, reused from file to file:
     * small files are a fifth of a typical volume's bytes, and a fresh array for each of them was
     * half of a snapshot's allocation (and its young collections).
     */
    byte[] input(int size) {
      if (input.length < size) {
        input = new byte[Math.max(size, input.length * 2)];
      }
      return input;
    }
  }

  /** The result of sealing: flags, compressed payload length (before sealing) and sealed length. */
  record Sealed(int flags, int payloadLength, int sealedLength) {}

  /** Seals {@code plain[0, len)} (whose id is {@code id}) into {@code scratch.sealed}. */
  static Sealed seal(RepositoryKey key, BlobType type, BlobId id, byte[] plain, int len, Scratch scratch) {
    scratch.reserve(len);
    int compressed = BlobCompressor.compress(plain, 0, len, scratch.compressed, 0);
    if (compressed >= 0) {
      byte[] aad = PackEntry.blobAad(type, PackEntry.FLAG_ZSTD, id);
      int n = key.seal(scratch.compressed, 0, compressed, aad, scratch.sealed, 0);
      return new Sealed(PackEntry.FLAG_ZSTD, compressed, n);
    }
    int n = key.seal(plain, 0, len, PackEntry.blobAad(type, 0, id), scratch.sealed, 0);
    return new Sealed(0, len, n);
  }

  /**
   * Opens a stored blob ({@code in[off, off + entry.storedLength())}) into {@code plain}; returns
   * the plaintext length. {@code stored} is scratch for compressed blobs.
   */
  static int open(RepositoryKey key, PackEntry entry, String pack, byte[] in, int off, byte[] stored, byte[] plain)
      throws CorruptObjectException {
    try {
      if (!entry.compressed()) {
        int n = key.open(in, off, entry.storedLength(), entry.aad(), plain, 0);
        if (n != entry.plainLength()) {
          throw new CorruptObjectException("length " + n + ", index says " + entry.plainLength());
        }
        return n;
      }
      int n = key.open(in, off, entry.storedLength(), entry.aad(), stored, 0);
      BlobCompressor.decompress(stored, 0, n, plain, 0, entry.plainLength());
      return entry.plainLength();
    } catch (CorruptObjectException e) {
      throw new CorruptObjectException("blob " + entry.id().shortHex() + " in pack " + shortName(pack) + ": "
          + e.getMessage(), e);
    }
  }

  /** Opens into fresh arrays. */
  static byte[] open(RepositoryKey key, PackEntry entry, String pack, byte[] in, int off) throws CorruptObjectException {
    byte[] plain = new byte[Math.max(entry.plainLength(), entry.storedLength())];
    byte[] stored = entry.compressed() ? new byte[entry.storedLength()] : null;
    int n = open(key, entry, pack, in, off, stored, plain);
    return n == plain.length ? plain : java.util.Arrays.copyOf(plain, n);
  }

  /** Whether a plaintext matches its id (the keyed hash). */
  static boolean matches(RepositoryKey key, BlobId id, byte[] plain, int len) {
    return key.id(plain, 0, len).equals(id);
  }

  static String shortName(String pack) {
    return pack.length() > 8 ? pack.substring(0, 8) : pack;
  }
}
