package dev.cairn.agent.volume;

import dev.cairn.agent.repository.Node;
import dev.cairn.agent.repository.NodeType;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads a file's metadata (one {@code lstat}) into a tree node, and lists directories. Access
 * times are not recorded (as borg): reading a file for the snapshot changes them, and recording
 * them would make every tree new in every snapshot.
 */
public final class NodeReader {

  /** Exactly the attributes needed: naming them avoids user/group name lookups. */
  private static final String ATTRIBUTES =
      "unix:mode,ino,dev,rdev,nlink,uid,gid,size,lastModifiedTime,ctime";

  private NodeReader() {}

  /** The node of {@code path} (not following a symlink), named {@code name}, without content. */
  public static Node read(Path path, String name) throws IOException {
    Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) a.get("mode");
    NodeType type = typeOf(mode);
    String target = type == NodeType.SYMLINK ? Files.readSymbolicLink(path).toString() : null;
    long size = type == NodeType.FILE ? (Long) a.get("size") : 0;
    long rdev = type == NodeType.CHARDEV || type == NodeType.BLOCKDEV ? (Long) a.get("rdev") : 0;
    return new Node(name, type, mode & 07777, (Integer) a.get("uid"), (Integer) a.get("gid"),
        nanos(a.get("lastModifiedTime")), 0, nanos(a.get("ctime")),
        (Long) a.get("dev"), (Long) a.get("ino"), (Integer) a.get("nlink"), size, rdev, target, null, null);
  }

  /** The names in a directory, sorted (Java {@code String} order, as trees are). */
  public static List<String> list(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        names.add(entry.getFileName().toString());
      }
    }
    Collections.sort(names);
    return names;
  }

  static NodeType typeOf(int mode) throws IOException {
    return switch (mode & 0170000) {
      case 0100000 -> NodeType.FILE;
      case 0040000 -> NodeType.DIR;
      case 0120000 -> NodeType.SYMLINK;
      case 0010000 -> NodeType.FIFO;
      case 0020000 -> NodeType.CHARDEV;
      case 0060000 -> NodeType.BLOCKDEV;
      case 0140000 -> NodeType.SOCKET;
      default -> throw new IOException("unknown file type in mode " + Integer.toOctalString(mode));
    };
  }

  private static long nanos(Object time) {
    return ((FileTime) time).to(TimeUnit.NANOSECONDS);
  }
}
