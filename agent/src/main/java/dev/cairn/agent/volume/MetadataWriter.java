package dev.cairn.agent.volume;

import dev.cairn.agent.process.ToolRun;
import dev.cairn.agent.repository.Node;
import dev.cairn.agent.repository.NodeType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Applies a node's metadata to a restored path: owner (when running as root), mode including
 * setuid/setgid/sticky, then modification and access times (nanoseconds). Symlinks get owner and
 * times, never a mode. FIFOs and device nodes get mode and times through {@code chmod} and {@code
 * touch}, which never open them.
 */
public final class MetadataWriter {

  /** Whether this process runs as uid 0 (by its id: in a container uid 0 may have no passwd entry). */
  private static final boolean ROOT = runsAsUidZero();

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
    if (isSpecial(node.type())) {
      applyWithoutOpening(path, node);
      return;
    }
    if (node.type() != NodeType.SYMLINK) {
      Files.setAttribute(path, "unix:mode", node.mode(), LinkOption.NOFOLLOW_LINKS);
    }
    Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setTimes(FileTime.from(node.mtime(), TimeUnit.NANOSECONDS),
            FileTime.from(node.atime() != 0 ? node.atime() : node.mtime(), TimeUnit.NANOSECONDS), null);
  }

  private static boolean isSpecial(NodeType type) {
    return type == NodeType.FIFO || type == NodeType.CHARDEV || type == NodeType.BLOCKDEV
        || type == NodeType.SOCKET;
  }

  /**
   * Mode and times of a FIFO or device node by path ({@code chmod}, {@code touch -h}): the JDK
   * opens the file to change them, and opening a FIFO waits for a writer that never comes.
   */
  private static void applyWithoutOpening(Path path, Node node) throws IOException {
    long atime = node.atime() != 0 ? node.atime() : node.mtime();
    run(List.of("chmod", Integer.toOctalString(node.mode()), path.toString()));
    run(List.of("touch", "-h", "-m", "-d", "@" + seconds(node.mtime()), path.toString()));
    run(List.of("touch", "-h", "-a", "-d", "@" + seconds(atime), path.toString()));
  }

  private static String seconds(long nanos) {
    return Math.floorDiv(nanos, 1_000_000_000L) + "." + String.format("%09d", Math.floorMod(nanos, 1_000_000_000L));
  }

  /** Runs a file tool ({@code chmod}, {@code mknod}, ...); its output is the error when it fails. */
  static void run(List<String> command) throws IOException {
    ToolRun.Result result = ToolRun.run(command, Duration.ofSeconds(30), true);
    if (result.exitStatus() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + result.output().trim());
    }
  }

  private static boolean runsAsUidZero() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException noProc) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** Whether this process can restore owners. */
  public static boolean restoresOwners() {
    return ROOT;
  }
}
