package dev.cairn.agent.backend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The embedded default backend: a repository in a local directory, one subdirectory per
 * {@link FileType} and {@code tmp/} for staging.
 *
 * <p>Crash-safe: every object is written to {@code tmp/}, flushed, renamed into place and its
 * directory flushed. A {@link Content.OfFile} on the same filesystem is moved, not copied, so a
 * pack file is written once. Thread-safe.
 */
public final class LocalDirBackend implements Backend {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path root;
  private final Path staging;

  private LocalDirBackend(Path root) {
    this.root = root;
    this.staging = root.resolve("tmp");
  }

  /**
   * Opens the repository directory {@code root}; with {@code create} it is made when missing,
   * otherwise nothing is created until something is saved.
   */
  public static LocalDirBackend open(Path root, boolean create) throws IOException {
    Path absolute = root.toAbsolutePath().normalize();
    if (create) {
      Files.createDirectories(absolute.resolve("tmp"));
    }
    return new LocalDirBackend(absolute);
  }

  /** The staging directory: files written here can be saved by a rename. */
  public Path stagingDirectory() {
    return staging;
  }

  /** The repository directory. */
  public Path root() {
    return root;
  }

  @Override
  public String location() {
    return "local:" + root;
  }

  @Override
  public void save(Handle handle, Content content) throws IOException {
    Path target = path(handle);
    Files.createDirectories(target.getParent());
    if (content instanceof Content.OfFile file && tryMove(file.path(), target)) {
      return;
    }
    Files.createDirectories(staging);
    Path temp = staging.resolve(tempName());
    try {
      try (FileChannel out =
              FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          InputStream in = content.open()) {
        byte[] buffer = new byte[1 << 16];
        long written = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
          ByteBuffer slice = ByteBuffer.wrap(buffer, 0, n);
          while (slice.hasRemaining()) {
            out.write(slice);
          }
          written += n;
        }
        if (written != content.length()) {
          throw new IOException(handle + ": the content gave " + written + " bytes, " + content.length()
              + " were announced; nothing was saved");
        }
        out.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    syncDirectory(target.getParent());
  }

  private boolean tryMove(Path source, Path target) throws IOException {
    try (FileChannel channel = FileChannel.open(source, StandardOpenOption.WRITE)) {
      channel.force(true); // the writer (e.g. PackWriter) leaves syncing to the save
    }
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException crossDevice) {
      return false;
    }
    syncDirectory(target.getParent());
    return true;
  }

  @Override
  public InputStream open(Handle handle, long offset, long length) throws IOException {
    if (offset < 0) {
      throw new IllegalArgumentException(handle + ": negative offset " + offset);
    }
    FileChannel channel = FileChannel.open(path(handle), StandardOpenOption.READ);
    try {
      long size = channel.size();
      long available = Math.max(0, size - offset); // past the end: no bytes, the caller checks lengths
      long limit = length < 0 ? available : Math.min(length, available);
      return new ChannelRangeInputStream(channel, offset, limit);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public long size(Handle handle) throws IOException {
    return Files.size(path(handle));
  }

  @Override
  public boolean exists(Handle handle) {
    return Files.isRegularFile(path(handle));
  }

  @Override
  public void remove(Handle handle) throws IOException {
    Path target = path(handle);
    if (Files.deleteIfExists(target)) {
      syncDirectory(target.getParent());
    }
  }

  @Override
  public List<FileInfo> list(FileType type) throws IOException {
    List<FileInfo> result = new ArrayList<>();
    if (type == FileType.CONFIG) {
      Handle config = new Handle(FileType.CONFIG, "config");
      if (exists(config)) {
        result.add(new FileInfo(config, size(config)));
      }
      return result;
    }
    Path dir = root.resolve(type.directory());
    if (!Files.isDirectory(dir)) {
      return result;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".") || !Files.isRegularFile(entry)) {
          continue;
        }
        try {
          result.add(new FileInfo(new Handle(type, name), Files.size(entry)));
        } catch (IllegalArgumentException foreign) {
          // not an object name this format writes: ignore it
        } catch (NoSuchFileException removedMeanwhile) {
          // a concurrent remove: the object is gone
        }
      }
    }
    return result;
  }

  @Override
  public boolean isPermanent(IOException error) {
    return error instanceof NoSuchFileException
        || error instanceof AccessDeniedException
        || error instanceof FileAlreadyExistsException
        || error instanceof NotDirectoryException;
  }

  @Override
  public void close() {}

  private Path path(Handle handle) {
    if (handle.type() == FileType.CONFIG) {
      return root.resolve("config");
    }
    return root.resolve(handle.type().directory()).resolve(handle.name());
  }

  private static String tempName() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes) + ".tmp";
  }

  /** Flushes a directory's entries, so a rename in it survives a crash. */
  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
