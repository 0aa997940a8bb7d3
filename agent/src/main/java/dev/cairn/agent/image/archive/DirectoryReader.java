package dev.cairn.agent.image.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads an OCI image layout directory (what {@code skopeo copy ... oci:DIR} writes). */
final class DirectoryReader implements ArchiveReader {

  private final Path root;
  private long position;

  DirectoryReader(Path root) {
    this.root = root;
  }

  @Override
  public void read(Visitor visitor) throws IOException, ArchiveRejectedException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.filter(p -> !p.equals(root)).sorted().toList();
    }
    for (Path path : paths) {
      String name = root.relativize(path).toString().replace('\\', '/');
      if (Files.isSymbolicLink(path)) {
        visitor.visit(
            new ArchiveEntry(name, ArchiveEntry.Kind.SYMLINK, 0, Files.readSymbolicLink(path).toString()),
            InputStream.nullInputStream());
      } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        visitor.visit(new ArchiveEntry(name, ArchiveEntry.Kind.DIRECTORY, 0, null), InputStream.nullInputStream());
      } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        long size = Files.size(path);
        try (InputStream in = new CheckedEntryStream(Files.newInputStream(path), name, size)) {
          visitor.visit(new ArchiveEntry(name, ArchiveEntry.Kind.FILE, size, null), in);
        }
        position += size;
      } else {
        visitor.visit(new ArchiveEntry(name, ArchiveEntry.Kind.OTHER, 0, null), InputStream.nullInputStream());
      }
    }
  }

  @Override
  public Optional<byte[]> peek(String name) throws IOException {
    Path file = root.resolve(name);
    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) <= TarFileReader.PEEK_LIMIT) {
      return Optional.of(Files.readAllBytes(file));
    }
    return Optional.empty();
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public void close() {}
}
