package dev.cairn.agent.volume;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: how many of a file's pages are in the page cache (mmap + mincore, Linux). */
public final class Residency {

  private interface LibC extends Library {
    int open(String path, int flags);

    int close(int fd);

    Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset);

    int munmap(Pointer addr, long length);

    int mincore(Pointer addr, long length, byte[] vec);
  }

  private static final LibC C = Native.load(Platform.C_LIBRARY_NAME, LibC.class);
  private static final int PAGE = 4096;

  private Residency() {}

  /** Pages of {@code file} resident in the page cache. */
  public static int residentPages(Path file) throws IOException {
    long size = Files.size(file);
    if (size == 0) {
      return 0;
    }
    int fd = C.open(file.toString(), 0);
    if (fd < 0) {
      throw new IOException("cannot open " + file);
    }
    try {
      Pointer map = C.mmap(null, size, 1 /* PROT_READ */, 1 /* MAP_SHARED */, fd, 0);
      if (Pointer.nativeValue(map) == -1) {
        throw new IOException("cannot map " + file);
      }
      try {
        byte[] vec = new byte[(int) ((size + PAGE - 1) / PAGE)];
        if (C.mincore(map, size, vec) != 0) {
          throw new IOException("mincore failed on " + file);
        }
        int resident = 0;
        for (byte b : vec) {
          resident += b & 1;
        }
        return resident;
      } finally {
        C.munmap(map, size);
      }
    } finally {
      C.close(fd);
    }
  }

  /** Whether the page cache of files under {@code dir} can be released (not on tmpfs). */
  public static boolean releasable(Path dir) throws IOException {
    return Platform.isLinux() && !"tmpfs".equals(Files.getFileStore(dir).type());
  }
}
