package dev.cairn.agent.volume;

import dev.cairn.agent.repository.Node;
import dev.cairn.agent.repository.NodeType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/**
 * Applies a node's metadata to a restored path: owner (when running as root), mode including
 * setuid/setgid/sticky, then modification and access times (nanoseconds). Symlinks get owner and
 * times, never a mode.
 */
public final class MetadataWriter {

  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  private MetadataWriter() {}

  public static void apply(Path path, Node node) throws IOException {
    apply(path, node, true);
  }

  /** Applies the metadata; {@code setOwner} false skips the owner (already right: saves two syscalls). */
  public static void apply(Path path, Node node, boolean setOwner) throws IOException {
    if (ROOT && setOwner) {
      Files.setAttribute(path, "unix:uid", node.uid(), LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(path, "unix:gid", node.gid(), LinkOption.NOFOLLOW_LINKS);
    }
    if (node.type() != NodeType.SYMLINK) {
      Files.setAttribute(path, "unix:mode", node.mode(), LinkOption.NOFOLLOW_LINKS);
    }
    Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setTimes(FileTime.from(node.mtime(), TimeUnit.NANOSECONDS),
            FileTime.from(node.atime() != 0 ? node.atime() : node.mtime(), TimeUnit.NANOSECONDS), null);
  }

  /** Whether this process can restore owners. */
  public static boolean restoresOwners() {
    return ROOT;
  }
}
