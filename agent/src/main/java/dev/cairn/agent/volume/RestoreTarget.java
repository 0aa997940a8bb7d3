package dev.cairn.agent.volume;

import dev.cairn.agent.repository.Node;
import dev.cairn.agent.repository.TreeCodec;
import dev.cairn.agent.state.FileTree;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The directory a restore writes into, and the only way it creates things there. Every path is
 * built from validated single names below the root; an existing symlink or file in the way of a
 * directory is replaced, never followed, so nothing is written outside the root.
 */
public final class RestoreTarget {

  private final Path root;
  private final boolean created;
  private final boolean empty;
  private final int ownUid;
  private final int ownGid;
  private final boolean rootSetsGroup;

  private RestoreTarget(Path root, boolean created) throws IOException {
    this.root = root;
    this.created = created;
    try (var entries = Files.newDirectoryStream(root)) {
      this.empty = !entries.iterator().hasNext(); // then nothing can be in the way of what we create
    }
    // what a new file gets anyway: this process's uid and gid (unless the root is setgid)
    this.ownUid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    this.ownGid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid");
    this.rootSetsGroup = ((Integer) Files.getAttribute(root, "unix:mode") & 02000) != 0;
  }

  /**
   * Applies a node's metadata to a path this target created. Skips the owner only where it is
   * right already: in a target that was empty, for a node of this process's uid and gid (a
   * directory that was there before keeps its owner, and a setgid one hands its group down).
   */
  public void metadata(Path path, Node node) throws IOException {
    MetadataWriter.apply(path, node, !empty || node.uid() != ownUid || node.gid() != ownGid || rootSetsGroup);
  }

  /** Opens (creating when missing) the target directory. */
  public static RestoreTarget open(Path dir) throws IOException {
    Path absolute = dir.toAbsolutePath().normalize();
    boolean created = !Files.exists(absolute, LinkOption.NOFOLLOW_LINKS);
    Files.createDirectories(absolute);
    return new RestoreTarget(absolute.toRealPath(), created);
  }

  public Path root() {
    return root;
  }

  /** Whether the restore created the root (only then does it get the snapshot root's metadata). */
  public boolean createdRoot() {
    return created;
  }

  /** The path of {@code name} inside {@code parent} (a path this target produced). */
  public Path child(Path parent, String name) throws IOException {
    if (!TreeCodec.isSafeName(name)) {
      throw new IOException("refusing unsafe name '" + name + "'");
    }
    Path child = parent.resolve(name);
    if (!child.startsWith(root) || child.getNameCount() != parent.getNameCount() + 1) {
      throw new IOException("refusing to write outside " + root + ": " + child);
    }
    return child;
  }

  /** Makes {@code path} a real directory (replacing a file or symlink in the way). */
  public void directory(Path path) throws IOException {
    if (empty) {
      Files.createDirectory(path); // an empty target: nothing can be in the way
      return;
    }
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    deleteAnything(path);
    Files.createDirectory(path);
  }

  /**
   * Opens {@code path} as a new, empty regular file. Whatever is there is removed first, a regular
   * file too: writing into it would also change every other name of that file (a hard link,
   * perhaps outside the target).
   */
  public FileChannel file(Path path) throws IOException {
    if (!empty) {
      deleteAnything(path);
    }
    return FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
  }

  public void symlink(Path path, String target) throws IOException {
    if (!empty) {
      deleteAnything(path);
    }
    Files.createSymbolicLink(path, Path.of(target));
  }

  /** Makes {@code path} a hard link to {@code existing} (a file restored earlier). */
  public void hardLink(Path path, Path existing) throws IOException {
    deleteAnything(path);
    Files.createLink(path, existing);
  }

  /** Creates a FIFO or device node with {@code mkfifo}/{@code mknod}. */
  public void special(Path path, Node node) throws IOException {
    deleteAnything(path);
    List<String> command = switch (node.type()) {
      case FIFO -> List.of("mkfifo", path.toString());
      case CHARDEV, BLOCKDEV -> List.of("mknod", path.toString(), node.type().name().equals("CHARDEV") ? "c" : "b",
          Long.toString(major(node.rdev())), Long.toString(minor(node.rdev())));
      default -> throw new IOException(node.type().spelling() + " files cannot be restored");
    };
    MetadataWriter.run(command);
  }

  static long major(long dev) {
    return ((dev >>> 32) & 0xfffff000L) | ((dev >>> 8) & 0xfffL);
  }

  static long minor(long dev) {
    return ((dev >>> 12) & 0xffffff00L) | (dev & 0xffL);
  }

  private void deleteAnything(Path path) throws IOException {
    if (!path.startsWith(root) || path.equals(root)) {
      throw new IOException("refusing to delete " + path);
    }
    FileTree.delete(path); // absent is fine
  }
}
