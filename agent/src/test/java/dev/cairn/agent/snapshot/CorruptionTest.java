package dev.cairn.agent.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.pack.PackReader;
import dev.cairn.agent.repository.BlobLocation;
import dev.cairn.agent.repository.Index;
import dev.cairn.agent.repository.Node;
import dev.cairn.agent.repository.PackDescriptor;
import dev.cairn.agent.repository.Repository;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flipped bytes, truncated packs, a missing index: verify names the damage; restore saves the rest. */
class CorruptionTest {

  @TempDir Path tmp;
  private Repository repo;
  private SnapshotResult snapshot;

  @BeforeEach
  void setUp() throws Exception {
    Path source = Files.createDirectories(tmp.resolve("src"));
    Random random = new Random(9);
    for (int i = 0; i < 3; i++) {
      byte[] data = new byte[3 << 20];
      random.nextBytes(data);
      Files.write(source.resolve("big" + i), data);
    }
    Files.writeString(source.resolve("small.txt"), "small and safe\n");
    // small packs, so that damage to one pack spares the others
    repo = TestRepositories.create(tmp.resolve("repo"), 2 << 20);
    snapshot = new SnapshotPipeline(repo, SnapshotOptions.of("v", List.of(), "h"), SnapshotProgress.NONE).run(source);
  }

  private BlobLocation firstBlobOf(String file) throws Exception {
    Index index = repo.loadIndex();
    Node node = new BlobStore(repo, index).readTree(snapshot.record().tree()).nodes().stream()
        .filter(n -> n.name().equals(file)).findFirst().orElseThrow();
    return index.find(node.blobs().get(0));
  }

  private Path packOf(String file) throws Exception {
    return tmp.resolve("repo/data").resolve(firstBlobOf(file).pack());
  }

  /** Flips one bit inside the first blob of {@code file} (packs mix blobs of several files). */
  private void flipInside(String file) throws Exception {
    BlobLocation location = firstBlobOf(file);
    try (RandomAccessFile pack = new RandomAccessFile(packOf(file).toFile(), "rw")) {
      long at = location.entry().offset() + 100;
      pack.seek(at);
      int b = pack.read();
      pack.seek(at);
      pack.write(b ^ 0x40);
    }
  }

  private VerifyReport verify(double read) throws Exception {
    return new Verifier(TestRepositories.open(tmp.resolve("repo")), read, 2).run();
  }

  @Test
  void verify_intactRepository_isHealthy() throws Exception {
    VerifyReport report = verify(1);

    assertThat(report.healthy()).as("errors %s", report.errors()).isTrue();
    assertThat(report.packsRead()).isEqualTo(report.packs());
  }

  @Test
  void verifyReadData_flippedByte_namesSnapshotAndFile() throws Exception {
    flipInside("big1");

    VerifyReport structural = verify(0);
    VerifyReport full = verify(1);

    assertThat(structural.healthy()).as("structure alone cannot see a flipped data byte").isTrue();
    assertThat(full.healthy()).isFalse();
    assertThat(full.damaged()).hasSize(1);
    assertThat(full.damaged().get(0).id()).isEqualTo(snapshot.id());
    assertThat(full.damaged().get(0).files()).anySatisfy(f -> assertThat(f).startsWith("big1 ("));
    assertThat(full.damaged().get(0).files()).noneMatch(f -> f.startsWith("small.txt") || f.startsWith("big0"));
  }

  @Test
  void restore_flippedByte_restoresUnaffectedFilesAndNamesDamaged() throws Exception {
    flipInside("big1");

    RestoreResult result = new RestorePipeline(repo, RestoreOptions.all(), RestoreProgress.NONE)
        .run(snapshot.record(), tmp.resolve("out"));

    assertThat(result.ok()).isFalse();
    assertThat(result.damaged()).singleElement().satisfies(d -> assertThat(d).startsWith("big1"));
    assertThat(Files.mismatch(tmp.resolve("src/big0"), tmp.resolve("out/big0"))).isEqualTo(-1L);
    assertThat(Files.mismatch(tmp.resolve("src/big2"), tmp.resolve("out/big2"))).isEqualTo(-1L);
    assertThat(Files.readString(tmp.resolve("out/small.txt"))).isEqualTo("small and safe\n");
  }

  @Test
  void verify_truncatedPack_namesPackAndFileWithoutReadingData() throws Exception {
    Path pack = packOf("big2");
    long cut = firstBlobOf("big2").entry().offset() + 10; // into big2's first blob
    try (RandomAccessFile file = new RandomAccessFile(pack.toFile(), "rw")) {
      file.setLength(cut);
    }

    VerifyReport report = verify(0);

    assertThat(report.healthy()).isFalse();
    assertThat(report.errors()).anySatisfy(e -> assertThat(e).contains(pack.getFileName().toString()).contains("truncated"));
    assertThat(report.damaged().get(0).files()).anySatisfy(f -> assertThat(f).startsWith("big2 ("));
  }

  @Test
  void verify_missingIndex_namesItAndPruneReindexes() throws Exception {
    try (var files = Files.list(tmp.resolve("repo/index"))) {
      for (Path index : files.toList()) {
        Files.delete(index);
      }
    }

    VerifyReport broken = verify(0);
    PruneReport prune = new Pruner(TestRepositories.open(tmp.resolve("repo"))).run();
    VerifyReport repaired = verify(1);

    assertThat(broken.healthy()).isFalse();
    assertThat(broken.damaged().get(0).files()).anySatisfy(f -> assertThat(f).contains("in no index but in pack"));
    assertThat(prune.packsReindexed()).isPositive();
    assertThat(prune.packsDeleted()).isZero();
    assertThat(repaired.healthy()).as("errors %s damaged %s", repaired.errors(), repaired.damaged()).isTrue();
  }

  @Test
  void verify_missingPack_namesIt() throws Exception {
    Path pack = packOf("big0");
    Files.delete(pack);

    VerifyReport report = verify(0);

    assertThat(report.errors()).anySatisfy(e -> assertThat(e).contains(pack.getFileName().toString()).contains("missing"));
    assertThat(report.damaged().get(0).files()).anySatisfy(f -> assertThat(f).startsWith("big0 ("));
    assertThat(PackReader.handle(pack.getFileName().toString()).toString()).startsWith("data/");
  }
  /** Flips one bit 100 bytes into the first blob of every pack; returns the pack names. */
  private List<String> flipInEveryPack() throws Exception {
    List<String> packs = new ArrayList<>();
    for (PackDescriptor pack : repo.loadIndex().packs()) {
      try (RandomAccessFile file = new RandomAccessFile(tmp.resolve("repo/data").resolve(pack.pack()).toFile(), "rw")) {
        long at = pack.entries().get(0).offset() + 100;
        file.seek(at);
        int b = file.read();
        file.seek(at);
        file.write(b ^ 0x40);
      }
      packs.add(pack.pack());
    }
    return packs;
  }

  @Test
  void verifyReadDataSubset_flippedByteInEveryPack_readsThatShareAndNamesEachPackItRead() throws Exception {
    List<String> packs = flipInEveryPack();
    assertThat(packs).as("the data spans several packs").hasSizeGreaterThanOrEqualTo(3);

    VerifyReport report = verify(0.5);

    int expected = (int) Math.ceil(packs.size() * 0.5);
    assertThat(report.packsRead()).isEqualTo(expected).isLessThan(packs.size());
    assertThat(report.healthy()).isFalse();
    Set<String> named = new HashSet<>();
    for (String error : report.errors()) {
      packs.stream().filter(error::contains).forEach(named::add);
    }
    assertThat(named).as("every pack read is named, and only those: %s", report.errors()).hasSize(expected);
  }

  @Test
  void verifyReadDataSubset_oneDamagedPack_caughtWhenItsPackIsDrawnAndNamesTheFile() throws Exception {
    flipInside("big1");
    int packs = repo.loadIndex().packs().size();
    int caught = 0;
    int missed = 0;
    for (int run = 0; run < 40 && (caught == 0 || missed == 0); run++) {
      VerifyReport report = verify(0.34);
      assertThat(report.packsRead()).isEqualTo((int) Math.ceil(packs * 0.34));
      if (report.healthy()) {
        missed++;
        assertThat(report.damaged()).isEmpty();
      } else {
        caught++;
        assertThat(report.errors()).anySatisfy(e -> assertThat(e).contains(firstBlobOf("big1").pack()));
        assertThat(report.damaged()).singleElement().satisfies(d ->
            assertThat(d.files()).anySatisfy(f -> assertThat(f).startsWith("big1 (")));
      }
    }
    assertThat(caught).as("a pack drawn with probability >= 1/3 was caught in 40 runs").isPositive();
    assertThat(missed).as("a 34%% subset does not read every pack").isPositive();
  }
}
