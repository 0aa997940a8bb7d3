package dev.cairn.agent.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one conformance suite every {@link Backend} must pass: save/open/size/exists/remove/list,
 * ranged reads, atomic saves under injected failures, overwrite, empty and large objects, paging
 * through many objects, not-found errors, name validation and parallel saves.
 *
 * <p>To run it against a backend, subclass it and implement {@link #newBackend()}; e.g. after the
 * merge, {@code LocalDirBackendConformanceTest extends BackendConformanceTest} returns a {@code
 * LocalDirBackend} on a {@code @TempDir}. {@link S3BackendConformanceIT} runs it against {@link
 * S3Backend} on a real S3 server (s3proxy). Override {@link #largeObjectSize()} to go past the
 * backend's largest write threshold and {@link #assertNoLeftovers} to check backend-specific
 * debris after failed saves.
 */
public abstract class BackendConformanceTest {

  @TempDir protected Path scratch;

  protected Backend backend;

  /** A fresh, empty backend for one test; the suite closes it after the test. */
  protected abstract Backend newBackend() throws Exception;

  /** A size that takes the backend's large-object path (S3: several multipart parts). */
  protected long largeObjectSize() {
    return 12L * 1024 * 1024 + 12345;
  }

  /** How many objects the listing test writes; enough for several list pages. */
  protected int manyObjectCount() {
    return 120;
  }

  /** Checks that failed saves left nothing behind beyond what {@link Backend#list} shows. */
  protected void assertNoLeftovers(Backend backend) throws Exception {}

  @BeforeEach
  void openBackend() throws Exception {
    backend = newBackend();
  }

  @AfterEach
  void closeBackend() throws IOException {
    if (backend != null) {
      backend.close();
    }
  }

  // --- save, open, size, exists, remove -------------------------------------------------------

  @Test
  void save_bytes_openReturnsSameBytes() throws IOException {
    byte[] bytes = randomBytes(1000, 1);
    Handle handle = new Handle(FileType.INDEX, "idx-1");
    backend.save(handle, new Content.OfBytes(bytes));

    assertThat(readAll(handle)).isEqualTo(bytes);
    assertThat(backend.size(handle)).isEqualTo(1000);
    assertThat(backend.exists(handle)).isTrue();
  }

  @Test
  void save_file_openReturnsSameBytes() throws IOException {
    byte[] bytes = randomBytes(70_000, 2);
    Path file = scratch.resolve("pack.tmp");
    Files.write(file, bytes);
    Handle handle = new Handle(FileType.PACK, "0a1b2c");

    backend.save(handle, new Content.OfFile(file));

    assertThat(readAll(handle)).isEqualTo(bytes);
    assertThat(backend.size(handle)).isEqualTo(70_000);
  }

  @Test
  void exists_missingObject_returnsFalse() throws IOException {
    assertThat(backend.exists(new Handle(FileType.SNAPSHOT, "nothing-here"))).isFalse();
  }

  @Test
  void open_missingObject_throwsPermanentNoSuchFile() {
    Handle handle = new Handle(FileType.PACK, "missing");
    assertThatThrownBy(() -> backend.open(handle, 0, -1))
        .isInstanceOf(NoSuchFileException.class)
        .satisfies(e -> assertThat(backend.isPermanent((IOException) e)).isTrue());
    assertThatThrownBy(() -> backend.open(handle, 10, 5)).isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> backend.open(handle, 0, 0)).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void size_missingObject_throwsNoSuchFile() {
    assertThatThrownBy(() -> backend.size(new Handle(FileType.KEY, "missing")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void remove_existingObject_isGoneEverywhere() throws IOException {
    Handle handle = new Handle(FileType.LOCK, "lock-1");
    backend.save(handle, new Content.OfBytes("locked".getBytes(StandardCharsets.UTF_8)));

    backend.remove(handle);

    assertThat(backend.exists(handle)).isFalse();
    assertThat(backend.list(FileType.LOCK)).isEmpty();
    assertThatThrownBy(() -> backend.open(handle, 0, -1)).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void remove_missingObject_isNoError() throws IOException {
    backend.remove(new Handle(FileType.LOCK, "never-saved"));
    assertThat(backend.list(FileType.LOCK)).isEmpty();
  }

  @Test
  void isPermanent_plainIoError_isFalse() {
    assertThat(backend.isPermanent(new IOException("connection reset"))).isFalse();
  }

  @Test
  void location_isNamed() {
    assertThat(backend.location()).isNotBlank();
  }

  // --- list -----------------------------------------------------------------------------------

  @Test
  void list_emptyBackend_returnsNothing() throws IOException {
    for (FileType type : FileType.values()) {
      assertThat(backend.list(type)).as(type.toString()).isEmpty();
    }
  }

  @Test
  void list_severalTypes_returnsOnlyThatTypeWithSizes() throws IOException {
    backend.save(new Handle(FileType.PACK, "p1"), new Content.OfBytes(new byte[10]));
    backend.save(new Handle(FileType.PACK, "p2"), new Content.OfBytes(new byte[20]));
    backend.save(new Handle(FileType.INDEX, "i1"), new Content.OfBytes(new byte[30]));
    backend.save(new Handle(FileType.CONFIG, "config"), new Content.OfBytes(new byte[5]));

    assertThat(backend.list(FileType.PACK)).containsExactlyInAnyOrder(
        new FileInfo(new Handle(FileType.PACK, "p1"), 10),
        new FileInfo(new Handle(FileType.PACK, "p2"), 20));
    assertThat(backend.list(FileType.INDEX))
        .containsExactly(new FileInfo(new Handle(FileType.INDEX, "i1"), 30));
    assertThat(backend.list(FileType.CONFIG))
        .containsExactly(new FileInfo(new Handle(FileType.CONFIG, "config"), 5));
    assertThat(backend.list(FileType.SNAPSHOT)).isEmpty();
  }

  @Test
  void list_manyObjects_returnsEveryOneOnce() throws IOException {
    int count = manyObjectCount();
    for (int i = 0; i < count; i++) {
      backend.save(new Handle(FileType.SNAPSHOT, String.format("snap-%04d", i)),
          new Content.OfBytes(new byte[i % 7]));
    }

    List<FileInfo> listed = backend.list(FileType.SNAPSHOT);

    assertThat(listed).hasSize(count).doesNotHaveDuplicates();
    Map<String, Long> sizes = listed.stream()
        .collect(Collectors.toMap(f -> f.handle().name(), FileInfo::size));
    for (int i = 0; i < count; i++) {
      assertThat(sizes).containsEntry(String.format("snap-%04d", i), (long) (i % 7));
    }
  }

  // --- ranged reads ---------------------------------------------------------------------------

  @Test
  void open_rangeInside_returnsExactlyThoseBytes() throws IOException {
    byte[] bytes = randomBytes(4096, 3);
    Handle handle = saved(FileType.PACK, "ranged", bytes);

    assertThat(read(handle, 100, 200)).isEqualTo(Arrays.copyOfRange(bytes, 100, 300));
    assertThat(read(handle, 0, 1)).isEqualTo(Arrays.copyOfRange(bytes, 0, 1));
    assertThat(read(handle, 4095, 1)).isEqualTo(Arrays.copyOfRange(bytes, 4095, 4096));
  }

  @Test
  void open_negativeLength_readsToEnd() throws IOException {
    byte[] bytes = randomBytes(4096, 4);
    Handle handle = saved(FileType.PACK, "to-end", bytes);

    assertThat(read(handle, 1000, -1)).isEqualTo(Arrays.copyOfRange(bytes, 1000, 4096));
    assertThat(read(handle, 0, -1)).isEqualTo(bytes);
  }

  @Test
  void open_lengthPastEnd_returnsTheBytesThatExist() throws IOException {
    byte[] bytes = randomBytes(4096, 5);
    Handle handle = saved(FileType.PACK, "past-end", bytes);

    assertThat(read(handle, 4000, 500)).isEqualTo(Arrays.copyOfRange(bytes, 4000, 4096));
  }

  @Test
  void open_offsetAtOrPastEnd_returnsNoBytes() throws IOException {
    Handle handle = saved(FileType.PACK, "beyond", randomBytes(100, 6));

    assertThat(read(handle, 100, -1)).isEmpty();
    assertThat(read(handle, 100, 10)).isEmpty();
    assertThat(read(handle, 5000, 10)).isEmpty();
  }

  @Test
  void open_zeroLength_returnsNoBytes() throws IOException {
    Handle handle = saved(FileType.PACK, "zero-len", randomBytes(100, 7));
    assertThat(read(handle, 10, 0)).isEmpty();
  }

  @Test
  void open_negativeOffset_isRejected() throws IOException {
    Handle handle = saved(FileType.PACK, "neg", randomBytes(10, 8));
    assertThatThrownBy(() -> backend.open(handle, -1, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- empty, overwrite, large ----------------------------------------------------------------

  @Test
  void save_emptyContent_storesEmptyObject() throws IOException {
    Handle handle = saved(FileType.LOCK, "empty", new byte[0]);

    assertThat(backend.exists(handle)).isTrue();
    assertThat(backend.size(handle)).isZero();
    assertThat(read(handle, 0, -1)).isEmpty();
    assertThat(backend.list(FileType.LOCK)).containsExactly(new FileInfo(handle, 0));
  }

  @Test
  void save_overExistingObject_replacesItWhole() throws IOException {
    Handle handle = saved(FileType.CONFIG, "config", randomBytes(5000, 9));
    byte[] shorter = randomBytes(300, 10);

    backend.save(handle, new Content.OfBytes(shorter));

    assertThat(readAll(handle)).isEqualTo(shorter);
    assertThat(backend.size(handle)).isEqualTo(300);
    assertThat(backend.list(FileType.CONFIG)).containsExactly(new FileInfo(handle, 300));
  }

  @Test
  void save_largeObject_roundTripsWholeAndAcrossPartBoundaries() throws Exception {
    long size = largeObjectSize();
    Path file = scratch.resolve("large.bin");
    String digest = RandomBytes.writeFile(file, size, 11);
    byte[] middle = RandomBytes.readRange(file, 5L * 1024 * 1024 - 100, 200);
    byte[] tail = RandomBytes.readRange(file, size - 1000, 1000);
    Handle handle = new Handle(FileType.PACK, "large");

    backend.save(handle, new Content.OfFile(file));

    assertThat(backend.size(handle)).isEqualTo(size);
    try (InputStream in = backend.open(handle, 0, -1)) {
      assertThat(RandomBytes.sha256(in)).isEqualTo(digest);
    }
    assertThat(read(handle, 5L * 1024 * 1024 - 100, 200)).isEqualTo(middle);
    assertThat(read(handle, size - 1000, -1)).isEqualTo(tail);
  }

  @Test
  void open_largeObjectClosedEarly_leavesBackendUsable() throws Exception {
    Path file = scratch.resolve("large.bin");
    RandomBytes.writeFile(file, largeObjectSize(), 12);
    Handle handle = new Handle(FileType.PACK, "large-early-close");
    backend.save(handle, new Content.OfFile(file));

    for (int i = 0; i < 3; i++) {
      try (InputStream in = backend.open(handle, 0, -1)) {
        assertThat(in.readNBytes(1000)).hasSize(1000);
      }
    }

    assertThat(backend.size(handle)).isEqualTo(largeObjectSize());
    assertThat(read(handle, 10, 10)).hasSize(10);
  }

  // --- atomicity under injected failures ------------------------------------------------------

  @Test
  void save_streamFailsMidway_leavesNothingVisible() throws Exception {
    Handle handle = new Handle(FileType.INDEX, "half-written");

    assertThatThrownBy(() -> backend.save(handle, FailingMidwayContent.always(100_000, 50_000)))
        .isInstanceOf(IOException.class);

    assertThat(backend.exists(handle)).isFalse();
    assertThat(backend.list(FileType.INDEX)).isEmpty();
    assertNoLeftovers(backend);
  }

  @Test
  void save_largeStreamFailsMidway_leavesNothingVisible() throws Exception {
    long size = largeObjectSize();
    Handle handle = new Handle(FileType.PACK, "half-written-large");

    assertThatThrownBy(() -> backend.save(handle, FailingMidwayContent.always(size, size * 2 / 3)))
        .isInstanceOf(IOException.class);

    assertThat(backend.exists(handle)).isFalse();
    assertThat(backend.list(FileType.PACK)).isEmpty();
    assertNoLeftovers(backend);
  }

  @Test
  void save_streamFailsMidwayOverExisting_keepsOldObject() throws Exception {
    byte[] old = randomBytes(2000, 13);
    Handle handle = saved(FileType.SNAPSHOT, "keep-me", old);

    assertThatThrownBy(() -> backend.save(handle, FailingMidwayContent.always(100_000, 60_000)))
        .isInstanceOf(IOException.class);

    assertThat(readAll(handle)).isEqualTo(old);
    assertNoLeftovers(backend);
  }

  @Test
  void save_contentShorterThanDeclared_failsAndLeavesNothing() throws Exception {
    Handle handle = new Handle(FileType.PACK, "short");
    Content lying = new Content() {
      @Override
      public long length() {
        return 10_000;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(new byte[4_000]);
      }
    };

    assertThatThrownBy(() -> backend.save(handle, lying)).isInstanceOf(IOException.class);

    assertThat(backend.exists(handle)).isFalse();
    assertNoLeftovers(backend);
  }

  // --- names ----------------------------------------------------------------------------------

  @Test
  void handle_invalidNames_areRejectedBeforeReachingTheBackend() {
    for (String bad : List.of("", "../escape", "a/b", ".hidden", "sp ace", "back\\slash", "ü")) {
      assertThatThrownBy(() -> new Handle(FileType.PACK, bad))
          .as("name '%s'", bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void save_namesWithDotsDashesUnderscores_roundTrip() throws IOException {
    for (String name : List.of("a", "A-b_c.d", "0123456789abcdef", "x.tmp.1")) {
      Handle handle = saved(FileType.KEY, name, name.getBytes(StandardCharsets.UTF_8));
      assertThat(readAll(handle)).asString(StandardCharsets.UTF_8).isEqualTo(name);
    }
    assertThat(backend.list(FileType.KEY)).hasSize(4);
  }

  // --- concurrency ----------------------------------------------------------------------------

  @Test
  void save_inParallel_storesEveryObjectIntact() throws Exception {
    int count = 24;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(pool.submit((Callable<Void>) () -> {
          backend.save(new Handle(FileType.PACK, "par-" + n),
              new Content.OfBytes(randomBytes(64 * 1024 + n, 100 + n)));
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(backend.list(FileType.PACK)).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(readAll(new Handle(FileType.PACK, "par-" + i)))
          .isEqualTo(randomBytes(64 * 1024 + i, 100 + i));
    }
  }

  @Test
  void save_sameHandleInParallel_leavesOneWholeVersion() throws Exception {
    Handle handle = new Handle(FileType.LOCK, "contended");
    List<byte[]> versions = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      versions.add(randomBytes(32 * 1024 + i * 1000, 200 + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (byte[] version : versions) {
        futures.add(pool.submit((Callable<Void>) () -> {
          backend.save(handle, new Content.OfBytes(version));
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    byte[] stored = readAll(handle);
    assertThat(versions).anySatisfy(v -> assertThat(v).isEqualTo(stored));
    assertThat(backend.list(FileType.LOCK)).containsExactly(new FileInfo(handle, stored.length));
  }

  // --- helpers --------------------------------------------------------------------------------

  protected Handle saved(FileType type, String name, byte[] bytes) throws IOException {
    Handle handle = new Handle(type, name);
    backend.save(handle, new Content.OfBytes(bytes));
    return handle;
  }

  protected byte[] readAll(Handle handle) throws IOException {
    return read(handle, 0, -1);
  }

  protected byte[] read(Handle handle, long offset, long length) throws IOException {
    try (InputStream in = backend.open(handle, offset, length)) {
      return in.readAllBytes();
    }
  }

  protected static byte[] randomBytes(int size, long seed) {
    return RandomBytes.of(size, seed);
  }
}
