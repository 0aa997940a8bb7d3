package dev.cairn.controller.inventory;

import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.error.InvalidInventoryException;
import dev.cairn.controller.error.PayloadTooLargeException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a tar or tar.gz of an inventory directory into an empty directory, refusing anything
 * that could write outside it or is not plain data: absolute names, {@code ..} segments, symbolic
 * and hard links, devices and FIFOs, names given twice. Counts what it writes against the limits.
 * Commons Compress reads the tar formats (ustar, GNU long names, PAX headers) that hand-written
 * code would get subtly wrong.
 */
final class TarUnpacker {
  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;
  private static final int USTAR_OFFSET = 257;

  private final Path root;
  private final UploadLimits limits;
  private long written;
  private int entries;

  TarUnpacker(Path root, UploadLimits limits) {
    this.root = root;
    this.limits = limits;
  }

  /** Whether the file is a gzip stream or a tar (by its {@code ustar} magic). */
  static boolean isArchive(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(USTAR_OFFSET + 5);
    }
    if (head.length >= 2 && (head[0] & 0xff) == GZIP_MAGIC_1 && (head[1] & 0xff) == GZIP_MAGIC_2) {
      return true;
    }
    return head.length == USTAR_OFFSET + 5
        && new String(head, USTAR_OFFSET, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("ustar");
  }

  /**
   * Unpacks {@code archive} and returns the inventory's source relative to the root: {@code .},
   * or the single top-level directory when everything lies in one (as {@code tar czf x.tgz dir}
   * makes it).
   */
  String unpack(Path archive) throws IOException, ControllerException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
        InputStream in = gzip(raw);
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        extract(tar, entry);
      }
    } catch (IOException e) {
      if (e instanceof FileAlreadyExistsException exists) {
        throw refused(root.relativize(Path.of(exists.getFile())) + " appears twice in the archive");
      }
      throw refused("not a readable tar archive: " + e.getMessage());
    }
    if (entries == 0) {
      throw refused("the archive holds no files");
    }
    return topDirectory();
  }

  private static InputStream gzip(InputStream raw) throws IOException {
    raw.mark(2);
    int first = raw.read();
    int second = raw.read();
    raw.reset();
    return first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2
        ? new GzipCompressorInputStream(raw, true) : raw;
  }

  private void extract(TarArchiveInputStream tar, TarArchiveEntry entry)
      throws IOException, ControllerException {
    String name = entry.getName();
    if (entry.isSymbolicLink() || entry.isLink()) {
      throw refused(name + " is a link (to " + entry.getLinkName() + "); links are refused: "
          + "put the file itself in the archive");
    }
    if (!entry.isDirectory() && !entry.isFile()) {
      throw refused(name + " is not a regular file or directory");
    }
    Path target = target(name);
    if (++entries > limits.maxFiles()) {
      throw new PayloadTooLargeException("The inventory archive holds more than "
          + limits.maxFiles() + " entries");
    }
    if (target == null) {
      return; // "./" itself
    }
    if (entry.isDirectory()) {
      Files.createDirectories(target);
      return;
    }
    Files.createDirectories(target.getParent());
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = tar.read(buffer)) >= 0; ) {
        written += n;
        if (written > limits.maxBytes()) {
          throw new PayloadTooLargeException("The inventory archive unpacks to more than "
              + limits.maxBytes() + " bytes");
        }
        out.write(buffer, 0, n);
      }
    }
  }

  /** The entry's path under the root; null for the root itself. Refuses names that escape. */
  private Path target(String name) throws ControllerException {
    String clean = name;
    while (clean.startsWith("./")) {
      clean = clean.substring(2);
    }
    if (clean.isEmpty() || clean.equals(".")) {
      return null;
    }
    if (clean.startsWith("/") || clean.contains("\\") || clean.indexOf('\0') >= 0) {
      throw refused(name + ": absolute or unusual names are refused; archive the directory "
          + "with relative names (tar -C DIR -czf inventory.tgz .)");
    }
    for (String segment : clean.split("/")) {
      if (segment.equals("..")) {
        throw refused(name + ": '..' would leave the inventory directory");
      }
    }
    Path target = root.resolve(clean).normalize();
    if (!target.startsWith(root) || target.equals(root)) {
      throw refused(name + ": would leave the inventory directory");
    }
    return target;
  }

  private String topDirectory() throws IOException {
    try (Stream<Path> top = Files.list(root)) {
      List<Path> children = top.toList();
      if (children.size() == 1 && Files.isDirectory(children.get(0))) {
        String only = children.get(0).getFileName().toString();
        if (!only.equals("group_vars") && !only.equals("host_vars")) {
          return only;
        }
      }
    }
    return ".";
  }

  private static InvalidInventoryException refused(String problem) {
    return new InvalidInventoryException("The inventory archive was refused; nothing was stored",
        List.of(problem));
  }
}
