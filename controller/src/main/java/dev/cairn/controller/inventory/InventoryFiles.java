package dev.cairn.controller.inventory;

import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.error.InvalidInventoryException;
import dev.cairn.controller.error.PayloadTooLargeException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An inventory's files in a private temporary directory: an upload (one inventory file, or a tar
 * or tar.gz of an inventory directory, detected by content) unpacked with {@link TarUnpacker}, or
 * a stored version written back file by file. {@link #source()} is what the inventory loader
 * reads: the file, or the directory. {@link #close()} deletes everything. Not thread-safe.
 */
public final class InventoryFiles implements AutoCloseable {
  public static final String FILE = "file";
  public static final String TAR = "tar";
  /** Names a single uploaded file may have. */
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private final Path dir;
  private final Path root;
  private final String format;
  private String source;
  private String sha256 = "";
  private long sizeBytes;

  private InventoryFiles(Path dir, String format, String source) {
    this.dir = dir;
    this.root = dir.resolve("inventory");
    this.format = format;
    this.source = source;
  }

  /**
   * Streams an upload to disk and unpacks it. {@code fileName} names a single-file upload (its
   * extension tells YAML from INI, as for {@code -i}); {@code limits} bound the upload and what it
   * unpacks to. Refused uploads leave nothing behind.
   */
  public static InventoryFiles unpack(InputStream body, String fileName, UploadLimits limits)
      throws ControllerException, IOException {
    String name = fileName == null || fileName.isBlank() ? "inventory" : fileName.strip();
    if (!FILE_NAME.matcher(name).matches()) {
      throw new InvalidInventoryException("Invalid inventory file name '" + name + "'",
          List.of("name: use 1 to 100 letters, digits, '.', '_' or '-', e.g. fleet.yml"));
    }
    InventoryFiles files = new InventoryFiles(Files.createTempDirectory("cairn-inventory"),
        FILE, name);
    try {
      Files.createDirectory(files.root);
      Path upload = files.dir.resolve("upload");
      files.receive(body, upload, limits);
      if (TarUnpacker.isArchive(upload)) {
        InventoryFiles tar = new InventoryFiles(files.dir, TAR, ".");
        tar.sha256 = files.sha256;
        tar.sizeBytes = files.sizeBytes;
        tar.source = new TarUnpacker(tar.root, limits).unpack(upload);
        Files.delete(upload);
        return tar;
      }
      Files.move(upload, files.root.resolve(name));
      return files;
    } catch (ControllerException | IOException | RuntimeException e) {
      files.close();
      throw e;
    }
  }

  /** An empty directory for a stored version; fill it with {@link #write}. */
  public static InventoryFiles forStored(String format, String source) throws IOException {
    InventoryFiles files = new InventoryFiles(Files.createTempDirectory("cairn-inventory"),
        format, source);
    Files.createDirectory(files.root);
    return files;
  }

  /** Writes one stored file (its path relative to the source directory, or the file's name). */
  public void write(String path, byte[] content) throws IOException {
    Path target = FILE.equals(format) ? root.resolve(source) : sourcePath().resolve(path);
    if (!target.normalize().startsWith(root)) {
      throw new IOException("Stored inventory path '" + path + "' leaves the inventory");
    }
    Files.createDirectories(target.getParent());
    Files.write(target, content);
  }

  private void receive(InputStream body, Path upload, UploadLimits limits)
      throws IOException, ControllerException {
    MessageDigest digest = newDigest();
    long total = 0;
    try (InputStream in = new DigestInputStream(new BufferedInputStream(body), digest);
        OutputStream out = Files.newOutputStream(upload)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        total += n;
        if (total > limits.maxBytes()) {
          throw new PayloadTooLargeException("The inventory upload is larger than "
              + limits.maxBytes() + " bytes; an inventory is configuration, not data (limit: "
              + "controller setting fleet.maxInventoryBytes)");
        }
        out.write(buffer, 0, n);
      }
    }
    if (total == 0) {
      throw new InvalidInventoryException("The inventory upload is empty",
          List.of("send an inventory file or a tar(.gz) of an inventory directory as the body"));
    }
    this.sha256 = "sha256:" + HexFormat.of().formatHex(digest.digest());
    this.sizeBytes = total;
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** {@value #FILE} or {@value #TAR}. */
  public String format() {
    return format;
  }

  /** The loaded source relative to the inventory root: the file's name, or a directory. */
  public String source() {
    return source;
  }

  /** Absolute path of what the loader reads. */
  public Path sourcePath() {
    return root.resolve(source).normalize();
  }

  /** The files, relative to the source directory (for a single file: its name), sorted. */
  public List<String> paths() throws IOException {
    if (FILE.equals(format)) {
      return List.of(source);
    }
    Path base = sourcePath();
    try (Stream<Path> walk = Files.walk(base)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> base.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  /** The bytes of one file listed by {@link #paths()}. */
  public byte[] read(String path) throws IOException {
    return Files.readAllBytes(FILE.equals(format) ? root.resolve(source) : sourcePath().resolve(path));
  }

  /** {@code sha256:<hex>} of the upload as received (empty for a stored version). */
  public String sha256() {
    return sha256;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  /** Text with this directory's absolute paths cut out, so messages name files as uploaded. */
  public String relativize(String text) {
    String base = sourcePath().toString();
    if (FILE.equals(format)) {
      return text.replace(base, source).replace(root + "/", "");
    }
    return text.replace(base + "/", "").replace(base, ".");
  }

  @Override
  public void close() throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
      for (Path path : all) {
        Files.deleteIfExists(path);
      }
    }
  }
}
