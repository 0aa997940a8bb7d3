package dev.cairn.agent.volume;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Releases a file's pages from the kernel's page cache ({@code posix_fadvise(POSIX_FADV_DONTNEED)},
 * called through JNA, on Linux). Advice only: where it is not available, or fails, nothing
 * happens. Pages that are still dirty are not released, so sync the file first.
 *
 * <p>Why JNA: the JDK has no call for it, and JNA is already on the class path (docker-java's
 * transport); the advice needs no file descriptor of the writer's channel, since the page cache
 * belongs to the file, so this class opens its own.
 */
public final class PageCache {

  private static final Logger LOG = Logger.getLogger(PageCache.class.getName());
  private static final int O_RDONLY = 0;
  private static final int O_CLOEXEC = 0x80000;
  private static final int POSIX_FADV_DONTNEED = 4;
  private static final boolean AVAILABLE = register();

  private PageCache() {}

  private static boolean register() {
    if (!Platform.isLinux() || Boolean.getBoolean("cairn.pagecache.off")) {
      return false;
    }
    try {
      Native.register(PageCache.class, Platform.C_LIBRARY_NAME);
      return true;
    } catch (LinkageError | RuntimeException e) {
      LOG.log(Level.FINE, "page-cache advice unavailable: " + e);
      return false;
    }
  }

  /** Whether {@link #release} can do anything here. */
  public static boolean available() {
    return AVAILABLE;
  }

  /** Asks the kernel to drop {@code file}'s clean pages from the page cache; false when it did not. */
  public static boolean release(Path file) {
    if (!AVAILABLE) {
      return false;
    }
    byte[] name = file.toString().getBytes(StandardCharsets.UTF_8);
    int fd = open(Arrays.copyOf(name, name.length + 1), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      return false;
    }
    try {
      return posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) == 0;
    } finally {
      close(fd);
    }
  }

  private static native int open(byte[] path, int flags);

  private static native int posix_fadvise(int fd, long offset, long length, int advice);

  private static native int close(int fd);
}
