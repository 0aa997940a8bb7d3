package dev.cairn.agent.snapshot;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Builds seeded random directory trees with the cases restores get wrong: empty files, files
 * larger than a chunk, sparse files, symlinks (also dangling), hard links, long and unicode
 * names, odd modes (setuid, sticky, 000), other owners, nanosecond mtimes.
 */
public final class RandomTree {

  private static final String[] NAMES = {"a", "data.bin", "Ünïcødé-名前-😀", "with space", "x".repeat(200),
      ".hidden", "-dash", "tab\tname", "日本語ファイル", "emoji🎉"};

  private final Random random;
  private final Path root;
  private final List<Path> files = new ArrayList<>();
  private int counter;

  public RandomTree(long seed, Path root) {
    this.random = new Random(seed);
    this.root = root;
  }

  /** Creates the tree; returns its root. */
  public Path build(int entries, int maxDepth) throws IOException {
    Files.createDirectories(root);
    fill(root, entries, maxDepth);
    return root;
  }

  private void fill(Path dir, int entries, int depth) throws IOException {
    for (int i = 0; i < entries; i++) {
      Path path = dir.resolve(name());
      int kind = random.nextInt(12);
      if (kind < 2 && depth > 0) {
        Files.createDirectory(path);
        fill(path, 1 + random.nextInt(Math.max(1, entries / 2)), depth - 1);
        chmod(path, random.nextBoolean() ? 0755 : 01777);
        continue;
      }
      switch (kind) {
        case 2 -> Files.write(path, new byte[0]);
        case 3 -> writeRandom(path, (1 << 20) + random.nextInt(3 << 20)); // several chunks
        case 4 -> sparse(path);
        case 5 -> Files.createSymbolicLink(path, Path.of(random.nextBoolean() ? "../nowhere/" + name() : "."));
        case 6 -> {
          if (!files.isEmpty()) {
            Files.createLink(path, files.get(random.nextInt(files.size())));
            continue;
          }
          writeRandom(path, 100);
        }
        case 7 -> Files.writeString(path, "text line\n".repeat(random.nextInt(5000)));
        default -> writeRandom(path, random.nextInt(70_000));
      }
      if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        files.add(path);
        int[] modes = {0644, 0600, 0755, 04755, 02750, 0444, 0000, 0640};
        if (random.nextInt(4) == 0) { // another owner (the tests run as root, as the agent does)
          Files.setAttribute(path, "unix:uid", 1000 + random.nextInt(50), LinkOption.NOFOLLOW_LINKS);
          Files.setAttribute(path, "unix:gid", 2000 + random.nextInt(50), LinkOption.NOFOLLOW_LINKS);
        }
        chmod(path, modes[random.nextInt(modes.length)]);
        Files.setLastModifiedTime(path, FileTime.from(1_600_000_000_000_000_000L + random.nextInt(1 << 30) * 1_000_000L
            + random.nextInt(1_000_000), TimeUnit.NANOSECONDS));
      }
    }
  }

  private String name() {
    return NAMES[random.nextInt(NAMES.length)] + "-" + (counter++);
  }

  private void writeRandom(Path path, int size) throws IOException {
    byte[] data = new byte[size];
    random.nextBytes(data);
    Files.write(path, data);
  }

  private void sparse(Path path) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
      file.setLength(16L << 20); // 16 MiB, mostly hole
      byte[] data = new byte[5000];
      random.nextBytes(data);
      file.seek(random.nextInt(8 << 20));
      file.write(data);
    }
  }

  private static void chmod(Path path, int mode) throws IOException {
    Files.setAttribute(path, "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
  }
}
