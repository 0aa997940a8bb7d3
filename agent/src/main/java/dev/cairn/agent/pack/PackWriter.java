package dev.cairn.agent.pack;

import dev.cairn.agent.repository.Aad;
import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.BlobType;
import dev.cairn.agent.repository.PackDescriptor;
import dev.cairn.agent.repository.PackEntry;
import dev.cairn.agent.repository.RepositoryKey;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one pack file into the staging directory: sealed blobs back to back, then the sealed
 * header and trailer. It does not {@code fsync}: the backend makes the pack durable when it saves it
 * ({@code LocalDirBackend} syncs the file before the atomic move, or the copy before its rename), on
 * the pack saver's thread, so a sealing thread never waits for the disk. A writer that failed is
 * poisoned: {@link #abort()} it. Not thread-safe.
 */
public final class PackWriter implements Closeable {

  private static final int BUFFER = 1 << 20;

  private final RepositoryKey key;
  private final String name;
  private final Path file;
  private final FileChannel channel;
  private final List<PackEntry> entries = new ArrayList<>();
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
  private long size;
  private boolean done;

  public PackWriter(Path stagingDirectory, RepositoryKey key) throws IOException {
    this.key = key;
    this.name = BlobId.random().hex();
    Files.createDirectories(stagingDirectory);
    this.file = stagingDirectory.resolve(name + ".pack.tmp");
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    buffer.put(PackFormat.MAGIC);
    size = PackFormat.MAGIC.length;
  }

  /** The pack's name (its future handle in {@code data/}). */
  public String name() {
    return name;
  }

  /** Bytes written so far. */
  public long size() {
    return size;
  }

  public int count() {
    return entries.size();
  }

  /** Appends a sealed blob ({@code sealed[off, off+len)}) and remembers its entry. */
  public void add(BlobType type, int flags, int plainLength, BlobId id, byte[] sealed, int off, int len) throws IOException {
    if (size + len > Integer.MAX_VALUE) {
      throw new IOException("pack " + name + " would exceed 2 GiB");
    }
    entries.add(new PackEntry(type, flags, (int) size, len, plainLength, id));
    try {
      write(sealed, off, len);
    } catch (IOException | RuntimeException e) {
      abort(); // poisoned: a failed writer is never reused
      throw e;
    }
  }

  /** Writes the header and trailer and closes: the pack is ready to be saved (see the class comment). */
  public FinishedPack finish() throws IOException {
    try {
      return seal();
    } catch (IOException | RuntimeException e) {
      abort();
      throw e;
    }
  }

  private FinishedPack seal() throws IOException {
    ByteBuffer header = ByteBuffer.allocate(4 + entries.size() * PackEntry.ENCODED_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(entries.size());
    for (PackEntry entry : entries) {
      entry.write(header);
    }
    byte[] sealed = key.seal(header.array(), Aad.PACK_HEADER);
    write(sealed, 0, sealed.length);
    ByteBuffer trailer = ByteBuffer.allocate(PackFormat.TRAILER).order(ByteOrder.LITTLE_ENDIAN);
    trailer.putInt(sealed.length).put(PackFormat.END_MAGIC);
    write(trailer.array(), 0, trailer.capacity());
    flush();
    channel.close();
    done = true;
    return new FinishedPack(file, new PackDescriptor(name, size, entries));
  }

  /** Closes and deletes an unfinished pack (idempotent). */
  public void abort() {
    try {
      channel.close();
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover in the staging directory; prune removes it
    }
    done = true;
  }

  @Override
  public void close() {
    if (!done) {
      abort();
    }
  }

  private void write(byte[] bytes, int off, int len) throws IOException {
    size += len;
    if (len > buffer.remaining()) {
      flush();
    }
    if (len >= BUFFER / 2) {
      flush(); // keep the order: buffered bytes go first
      ByteBuffer direct = ByteBuffer.wrap(bytes, off, len);
      while (direct.hasRemaining()) {
        channel.write(direct);
      }
    } else {
      buffer.put(bytes, off, len);
    }
  }

  private void flush() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    buffer.clear();
  }
}
