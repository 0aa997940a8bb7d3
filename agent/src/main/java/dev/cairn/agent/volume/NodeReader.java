package dev.cairn.agent.volume;

import dev.cairn.agent.repository.Node;
import dev.cairn.agent.repository.NodeType;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
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
    if (Lstat.AVAILABLE) {
      PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (Lstat.TYPE.isInstance(a)) {
        return Lstat.node(path, name, a);
      }
    }
    return readThroughView(path, name);
  }

  /** The same through the {@code unix:} attribute view (any JVM, any file system provider). */
  static Node readThroughView(Path path, String name) throws IOException {
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

  /**
   * The JDK's own {@code lstat} result ({@code sun.nio.fs.UnixFileAttributes}) read through method
   * handles, where the launcher opened {@code sun.nio.fs} to Cairn ({@code Add-Opens} in cairn.jar's
   * manifest, {@code --add-opens} for the agent). The {@code unix:} view parses the attribute list
   * and fills a map for every file: 2-3x the cost of the {@code lstat} itself, ~0.2 s of CPU for a
   * volume of 25,000 files. Without the opening, {@link #AVAILABLE} is false and the view is used.
   */
  static final class Lstat {
    static final Class<?> TYPE;
    static final boolean AVAILABLE;
    private static final MethodHandle MODE;
    private static final MethodHandle INO;
    private static final MethodHandle DEV;
    private static final MethodHandle RDEV;
    private static final MethodHandle NLINK;
    private static final MethodHandle UID;
    private static final MethodHandle GID;
    private static final MethodHandle CTIME;

    static {
      Class<?> type = null;
      MethodHandle[] h = new MethodHandle[8];
      try {
        type = Class.forName("sun.nio.fs.UnixFileAttributes");
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        String[] names = {"mode", "ino", "dev", "rdev", "nlink", "uid", "gid", "ctime"};
        Class<?>[] returns = {int.class, long.class, long.class, long.class, int.class, int.class, int.class, FileTime.class};
        for (int i = 0; i < names.length; i++) {
          h[i] = lookup.findVirtual(type, names[i], MethodType.methodType(returns[i]))
              .asType(MethodType.methodType(returns[i], Object.class));
        }
      } catch (ReflectiveOperationException | RuntimeException notOpened) {
        type = null; // not opened to us (IllegalAccessException), or another JDK's internals
      }
      TYPE = type;
      AVAILABLE = type != null;
      MODE = h[0];
      INO = h[1];
      DEV = h[2];
      RDEV = h[3];
      NLINK = h[4];
      UID = h[5];
      GID = h[6];
      CTIME = h[7];
    }

    private Lstat() {}

    static Node node(Path path, String name, PosixFileAttributes a) throws IOException {
      Object raw = a;
      try {
        int mode = (int) MODE.invokeExact(raw);
        NodeType type = typeOf(mode);
        String target = type == NodeType.SYMLINK ? Files.readSymbolicLink(path).toString() : null;
        long size = type == NodeType.FILE ? a.size() : 0;
        long rdev = type == NodeType.CHARDEV || type == NodeType.BLOCKDEV ? (long) RDEV.invokeExact(raw) : 0;
        return new Node(name, type, mode & 07777, (int) UID.invokeExact(raw), (int) GID.invokeExact(raw),
            a.lastModifiedTime().to(TimeUnit.NANOSECONDS), 0,
            ((FileTime) CTIME.invokeExact(raw)).to(TimeUnit.NANOSECONDS), (long) DEV.invokeExact(raw),
            (long) INO.invokeExact(raw), (int) NLINK.invokeExact(raw), size, rdev, target, null, null);
      } catch (IOException | RuntimeException | Error e) {
        throw e;
      } catch (Throwable impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  }
}
