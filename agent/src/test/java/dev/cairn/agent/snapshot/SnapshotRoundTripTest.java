package dev.cairn.agent.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.volume.Residency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnapshotRoundTripTest {

  @TempDir Path tmp;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void snapshotThenRestore_randomTree_restoresBitExactWithMetadata(long seed) throws Exception {
    Path source = new RandomTree(seed, tmp.resolve("src")).build(14, 3);
    Repository repo = TestRepositories.create(tmp.resolve("repo"), 4 << 20);

    SnapshotResult result = new SnapshotPipeline(repo, SnapshotOptions.of("vol", List.of("t"), "host"),
        SnapshotProgress.NONE).run(source);
    RestoreResult restored = new RestorePipeline(TestRepositories.open(tmp.resolve("repo")), RestoreOptions.all(),
        RestoreProgress.NONE).run(result.record(), tmp.resolve("out"));

    assertThat(result.partial()).isFalse();
    assertThat(restored.ok()).as("damaged %s errors %s", restored.damaged(), restored.errors()).isTrue();
    TreeComparison.assertSameTree(source, tmp.resolve("out"));
  }

  /**
   * Buffers are sized for typical chunks and grow: a repeated short pattern never cuts, so this
   * file has max-size chunks (8 MiB) and one of ~3 MiB, all larger than the first buffers.
   */
  @Test
  void snapshotThenRestore_chunksLargerThanTheFirstBuffers_restoresBitExact() throws Exception {
    Path source = Files.createDirectories(tmp.resolve("src"));
    byte[] data = new byte[30 << 20];
    new Random(9).nextBytes(data);
    for (int i = (2 << 20) + 4099; i < 20 << 20; i++) {
      data[i] = data[i - 4099];
    }
    for (int i = (23 << 20) + 4099; i < (23 << 20) + (2500 << 10); i++) {
      data[i] = data[i - 4099];
    }
    Files.write(source.resolve("patterned.bin"), data);
    Repository repo = TestRepositories.create(tmp.resolve("repo"));

    SnapshotResult result = new SnapshotPipeline(repo, SnapshotOptions.of("vol", List.of(), "h"), SnapshotProgress.NONE)
        .run(source);
    RestoreResult restored = new RestorePipeline(TestRepositories.open(tmp.resolve("repo")), RestoreOptions.all(),
        RestoreProgress.NONE).run(result.record(), tmp.resolve("out"));

    assertThat(restored.ok()).as("damaged %s errors %s", restored.damaged(), restored.errors()).isTrue();
    assertThat(Files.mismatch(source.resolve("patterned.bin"), tmp.resolve("out/patterned.bin"))).isEqualTo(-1L);
  }

  @Test
  void restore_sparseFile_keepsHoles() throws Exception {
    Path source = Files.createDirectories(tmp.resolve("src"));
    try (var file = new java.io.RandomAccessFile(source.resolve("disk.img").toFile(), "rw")) {
      file.setLength(64L << 20);
      file.seek(10L << 20);
      file.write("data in the middle".getBytes());
    }
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    SnapshotResult result = new SnapshotPipeline(repo, SnapshotOptions.of("vol", List.of(), "h"), SnapshotProgress.NONE)
        .run(source);
    new RestorePipeline(repo, RestoreOptions.all(), RestoreProgress.NONE).run(result.record(), tmp.resolve("out"));

    Path restored = tmp.resolve("out/disk.img");
    assertThat(Files.mismatch(source.resolve("disk.img"), restored)).isEqualTo(-1L);
    assertThat(allocatedBlocks(restored)).as("512-byte blocks allocated").isLessThan(1024);
    assertThat(result.summary().bytesStored()).isLessThan(1 << 20);
  }

  @Test
  void restore_moreFilesThanOneBatch_restoresEveryFileWhileTheWalkGoesOn() throws Exception {
    Path source = Files.createDirectories(tmp.resolve("src"));
    for (int d = 0; d < 30; d++) {
      Path dir = Files.createDirectories(source.resolve("d" + d));
      for (int f = 0; f < 300; f++) { // 9,000 one-blob files: three batches
        Files.writeString(dir.resolve("f" + f), "file " + d + "/" + f);
      }
    }

    RestoreResult restored = snapshotAndRestore(source, tmp.resolve("out"));

    assertThat(restored.files()).isEqualTo(9_000);
    TreeComparison.assertSameTree(source, tmp.resolve("out"));
  }

  @Test
  void restore_largeFile_isOnDiskAndOutOfThePageCacheWhenRestoreReturns() throws Exception {
    assumeTrue(Residency.releasable(tmp), "the page cache of a tmpfs cannot be released");
    Path source = Files.createDirectories(tmp.resolve("src"));
    byte[] large = new byte[(int) WriteBack.LARGE * 6 + 12_345];
    new Random(3).nextBytes(large);
    Files.write(source.resolve("large.bin"), large);
    Files.writeString(source.resolve("small.txt"), "small files are left to the kernel's writeback");

    snapshotAndRestore(source, tmp.resolve("out"));

    // dirty pages cannot be dropped: none left means the data was synced before its pages were released
    assertThat(Residency.residentPages(tmp.resolve("out/large.bin"))).as("cached pages of the large file").isZero();
    TreeComparison.assertSameTree(source, tmp.resolve("out"));
  }

  @Test
  void restore_withoutSync_leavesTheLargeFileToTheKernelsWriteback() throws Exception {
    assumeTrue(Residency.releasable(tmp), "the page cache of a tmpfs cannot be released");
    Path source = Files.createDirectories(tmp.resolve("src"));
    byte[] large = new byte[(int) WriteBack.LARGE * 6];
    new Random(4).nextBytes(large);
    Files.write(source.resolve("large.bin"), large);

    snapshotAndRestore(source, tmp.resolve("out"), RestoreOptions.all().withoutSync());

    assertThat(Residency.residentPages(tmp.resolve("out/large.bin"))).as("cached pages of the large file")
        .isGreaterThan(large.length / 4096 / 2);
    TreeComparison.assertSameTree(source, tmp.resolve("out"));
  }

  private RestoreResult snapshotAndRestore(Path source, Path out) throws Exception {
    return snapshotAndRestore(source, out, RestoreOptions.all());
  }

  /** Snapshots {@code source} into a new repository, restores it into {@code out}; asserts it is ok. */
  private RestoreResult snapshotAndRestore(Path source, Path out, RestoreOptions options) throws Exception {
    Repository repo = TestRepositories.create(tmp.resolve("repo"));
    SnapshotResult result = new SnapshotPipeline(repo, SnapshotOptions.of("vol", List.of(), "h"), SnapshotProgress.NONE)
        .run(source);
    RestoreResult restored = new RestorePipeline(repo, options, RestoreProgress.NONE)
        .run(result.record(), out);
    assertThat(restored.ok()).as("damaged %s errors %s", restored.damaged(), restored.errors()).isTrue();
    return restored;
  }

  static long allocatedBlocks(Path path) throws Exception {
    Process stat = new ProcessBuilder("stat", "-c", "%b", path.toString()).start();
    String out = new String(stat.getInputStream().readAllBytes()).trim();
    assertThat(stat.waitFor()).isZero();
    return Long.parseLong(out);
  }
}
