package dev.cairn.agent.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.state.RecordFile;
import dev.cairn.agent.testing.MutableClock;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

  private static final OutboxOptions SMALL = new OutboxOptions(4096, 64 * 1024, Duration.ofHours(1));

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  private Outbox open(OutboxOptions options) throws IOException {
    return Outbox.open(dir, options, clock, BudgetListener.NONE);
  }

  private static byte[] payload(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> texts(List<OutboxEntry> entries) {
    return entries.stream().map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void append_severalEntries_assignsIncreasingSeqsAndReadsThemInOrder() throws IOException {
    try (Outbox outbox = open(SMALL)) {
      assertThat(outbox.append(EntryKind.EVENT, 0, payload("a"))).isEqualTo(1);
      assertThat(outbox.append(EntryKind.RESULT, 7, payload("b"))).isEqualTo(2);
      assertThat(outbox.append(EntryKind.HEALTH, 0, payload("c"))).isEqualTo(3);

      List<OutboxEntry> entries = outbox.read(0, 10);
      assertThat(entries).extracting(OutboxEntry::seq).containsExactly(1L, 2L, 3L);
      assertThat(texts(entries)).containsExactly("a", "b", "c");
      assertThat(entries.get(1).kind()).isEqualTo(EntryKind.RESULT);
      assertThat(entries.get(1).tag()).isEqualTo(7);
      assertThat(outbox.read(1, 1)).extracting(OutboxEntry::seq).containsExactly(2L);
      assertThat(outbox.highestTag()).isEqualTo(7);
    }
  }

  @Test
  void read_bytesAFailedAppendLeftBehind_areNotReadAndTheNextEntryGetsThatSeq() throws IOException {
    try (Outbox outbox = open(SMALL)) {
      for (int i = 1; i <= 3; i++) {
        outbox.append(EntryKind.EVENT, 0, payload("e" + i));
      }
      // What an append leaves when its write went through but its fsync and the cut-off after it
      // failed: a complete record after the segment's committed end.
      Path active = segmentFiles().get(segmentFiles().size() - 1);
      try (RecordFile stray = RecordFile.openForAppend(active, Files.size(active))) {
        stray.append(new OutboxEntry(4, EntryKind.RESULT, 9, clock.instant(),
            payload("never committed " + "x".repeat(200))).encode(), true);
      }

      assertThat(texts(outbox.read(0, 10))).containsExactly("e1", "e2", "e3");
      assertThat(outbox.append(EntryKind.EVENT, 0, payload("e4"))).isEqualTo(4);
      assertThat(texts(outbox.read(3, 10))).containsExactly("e4");
      for (int i = 5; i <= 200; i++) {
        outbox.append(EntryKind.EVENT, 0, payload("e" + i));
      }
      assertThat(segmentFiles()).hasSizeGreaterThan(1);
      assertThat(texts(readAll(outbox))).containsExactlyElementsOf(expected(200));
      assertThat(outbox.highestTag()).isZero();
    }
    try (Outbox reopened = open(SMALL)) {
      assertThat(texts(readAll(reopened))).containsExactlyElementsOf(expected(200));
    }
  }

  private static List<OutboxEntry> readAll(Outbox outbox) throws IOException {
    List<OutboxEntry> all = new ArrayList<>();
    long after = 0;
    for (List<OutboxEntry> batch = outbox.read(after, 64); !batch.isEmpty(); batch = outbox.read(after, 64)) {
      all.addAll(batch);
      after = batch.get(batch.size() - 1).seq();
    }
    return all;
  }

  private static List<String> expected(int count) {
    return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> "e" + i).toList();
  }

  @Test
  void read_acrossManySegments_continuesWhereThePreviousReadStopped() throws IOException {
    try (Outbox outbox = open(SMALL)) {
      for (int i = 1; i <= 500; i++) {
        outbox.append(EntryKind.EVENT, 0, payload("entry-" + i + "-" + "x".repeat(40)));
      }
      assertThat(segmentFiles()).hasSizeGreaterThan(3);
      List<Long> seen = new ArrayList<>();
      long after = 0;
      while (true) {
        List<OutboxEntry> batch = outbox.read(after, 64);
        if (batch.isEmpty()) {
          break;
        }
        batch.forEach(e -> seen.add(e.seq()));
        after = batch.get(batch.size() - 1).seq();
      }
      assertThat(seen).hasSize(500).isSorted().doesNotHaveDuplicates();
      assertThat(seen.get(499)).isEqualTo(500);
    }
  }

  @Test
  void acknowledge_cumulative_removesAcknowledgedEntriesAndSegmentsDurably() throws IOException {
    try (Outbox outbox = open(SMALL)) {
      for (int i = 1; i <= 300; i++) {
        outbox.append(EntryKind.EVENT, 0, payload("e" + i + "x".repeat(50)));
      }
      int segmentsBefore = segmentFiles().size();
      outbox.acknowledge(250);
      assertThat(outbox.read(0, 1000)).extracting(OutboxEntry::seq).first().isEqualTo(251L);
      assertThat(segmentFiles().size()).isLessThan(segmentsBefore);
      outbox.acknowledge(100); // older ack: no effect
      assertThat(outbox.acknowledged()).isEqualTo(250);
    }
    try (Outbox reopened = open(SMALL)) {
      assertThat(reopened.acknowledged()).isEqualTo(250);
      assertThat(reopened.read(0, 1000)).extracting(OutboxEntry::seq).containsExactlyElementsOf(range(251, 300));
      assertThat(reopened.pendingCount()).isEqualTo(50);
    }
  }

  @Test
  void append_afterEverythingAcknowledgedAndReopened_neverReusesASeq() throws IOException {
    try (Outbox outbox = open(SMALL)) {
      for (int i = 0; i < 200; i++) {
        outbox.append(EntryKind.EVENT, 0, payload("x".repeat(60)));
      }
      outbox.acknowledge(200);
    }
    try (Outbox reopened = open(SMALL)) {
      assertThat(reopened.append(EntryKind.EVENT, 0, payload("next"))).isEqualTo(201);
    }
  }

  @Test
  void acknowledge_beyondEverySeqAssigned_movesTheNextSeqPastIt() throws IOException {
    try (Outbox outbox = open(SMALL)) {
      outbox.append(EntryKind.EVENT, 0, payload("a"));
      outbox.acknowledge(1000);
      assertThat(outbox.append(EntryKind.EVENT, 0, payload("b"))).isEqualTo(1001);
    }
  }

  @Test
  void open_lastRecordCutAtEveryByte_keepsEveryCompleteEntryAndReusesOnlyTheTornSeq() throws IOException {
    Path source = dir.resolve("source");
    long lastRecordStart;
    try (Outbox outbox = Outbox.open(source, SMALL, clock, BudgetListener.NONE)) {
      outbox.append(EntryKind.RESULT, 1, payload("first"));
      outbox.append(EntryKind.EVENT, 0, payload("second"));
      lastRecordStart = Files.size(onlySegment(source));
      outbox.append(EntryKind.HEALTH, 0, payload("third, torn by the crash"));
    }
    long end = Files.size(onlySegment(source));
    for (long cut = lastRecordStart; cut < end; cut++) {
      Path copy = dir.resolve("cut-" + cut);
      copyDirectory(source, copy);
      try (RandomAccessFile file = new RandomAccessFile(onlySegment(copy).toFile(), "rw")) {
        file.setLength(cut);
      }
      try (Outbox outbox = Outbox.open(copy, SMALL, clock, BudgetListener.NONE)) {
        assertThat(texts(outbox.read(0, 10))).as("cut at %d", cut).containsExactly("first", "second");
        assertThat(outbox.append(EntryKind.EVENT, 0, payload("after"))).isEqualTo(3);
        assertThat(texts(outbox.read(0, 10))).containsExactly("first", "second", "after");
      }
    }
  }

  @Test
  void open_flippedByteInLastRecord_dropsOnlyThatRecord() throws IOException {
    try (Outbox outbox = open(SMALL)) {
      outbox.append(EntryKind.EVENT, 0, payload("kept"));
      outbox.append(EntryKind.EVENT, 0, payload("damaged"));
    }
    Path segment = onlySegment(dir);
    byte[] bytes = Files.readAllBytes(segment);
    bytes[bytes.length - 2] ^= 0x40;
    Files.write(segment, bytes);
    try (Outbox outbox = open(SMALL)) {
      assertThat(texts(outbox.read(0, 10))).containsExactly("kept");
    }
  }

  @Test
  void append_overBudget_thinsOldHealthSamplesToOnePerHourAndKeepsResultsAndEvents() throws IOException {
    List<String> results = new ArrayList<>();
    try (Outbox outbox = open(SMALL)) {
      for (int i = 0; i < 400; i++) {
        clock.advance(Duration.ofMinutes(10));
        outbox.append(EntryKind.HEALTH, 0, payload("health " + i + " " + "h".repeat(200)));
        if (i % 10 == 0) {
          String text = "result " + i;
          results.add(text);
          outbox.append(EntryKind.RESULT, i + 1, payload(text));
        }
      }
      assertThat(outbox.totalBytes()).isLessThanOrEqualTo(SMALL.budgetBytes());
      List<OutboxEntry> entries = outbox.read(0, 10_000);
      assertThat(texts(entries.stream().filter(e -> e.kind() == EntryKind.RESULT).toList()))
          .containsExactlyElementsOf(results);
      List<OutboxEntry> health = entries.stream().filter(e -> e.kind() == EntryKind.HEALTH).toList();
      assertThat(health).hasSizeLessThan(400);
      assertThat(texts(health).get(health.size() - 1)).startsWith("health 399 ");
      assertThat(entries).extracting(OutboxEntry::seq).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void append_overBudgetWithResultsOnly_tellsTheListenerOnceAndKeepsAccepting() throws IOException {
    List<String> calls = new ArrayList<>();
    BudgetListener listener = new BudgetListener() {
      @Override
      public void overBudget(long usedBytes, long budgetBytes) {
        calls.add("over");
      }

      @Override
      public void backUnderBudget(long usedBytes, long budgetBytes) {
        calls.add("under");
      }
    };
    try (Outbox outbox = Outbox.open(dir, SMALL, clock, listener)) {
      int count = 0;
      while (outbox.totalBytes() < SMALL.budgetBytes() * 2) {
        outbox.append(EntryKind.RESULT, ++count, payload("r".repeat(300)));
      }
      assertThat(calls).containsExactly("over");
      assertThat(outbox.pendingCount()).isEqualTo(count);
      outbox.acknowledge(outbox.lastSeq());
      assertThat(calls).containsExactly("over", "under");
    }
  }

  @Test
  void append_overBudgetWithADamagedSealedSegment_leavesItAloneReportsItOnceAndKeepsCompactingTheRest()
      throws IOException {
    List<String> damaged = new ArrayList<>();
    BudgetListener listener = new BudgetListener() {
      @Override
      public void overBudget(long usedBytes, long budgetBytes) {}

      @Override
      public void backUnderBudget(long usedBytes, long budgetBytes) {}

      @Override
      public void damaged(String segment, String problem) {
        damaged.add(segment + ": " + problem);
      }
    };
    try (Outbox outbox = Outbox.open(dir, SMALL, clock, listener)) {
      for (int i = 0; i < 100; i++) {
        clock.advance(Duration.ofMinutes(10));
        outbox.append(EntryKind.HEALTH, 0, payload("health " + i + " " + "h".repeat(200)));
      }
      Path first = segmentFiles().get(0);
      try (RandomAccessFile file = new RandomAccessFile(first.toFile(), "rw")) {
        file.seek(600); // inside an early record's body: bit rot
        file.write(file.read() ^ 0xFF);
      }
      byte[] rotten = Files.readAllBytes(first);

      for (int i = 100; i < 500; i++) {
        clock.advance(Duration.ofMinutes(10));
        outbox.append(EntryKind.HEALTH, 0, payload("health " + i + " " + "h".repeat(200)));
      }

      assertThat(damaged).singleElement().asString().startsWith(first.getFileName() + ": checksum mismatch");
      assertThat(Files.readAllBytes(first)).as("left as it was").isEqualTo(rotten);
      assertThat(outbox.totalBytes()).isLessThanOrEqualTo(SMALL.budgetBytes());
      assertThat(outbox.lastSeq()).isEqualTo(500);
    }
  }

  @Test
  void append_overBudgetWithTheNewestHealthSampleInASealedSegment_keepsIt() throws IOException {
    try (Outbox outbox = open(SMALL)) {
      for (int i = 0; i < 50; i++) {
        clock.advance(Duration.ofMinutes(1));
        outbox.append(EntryKind.HEALTH, 0, payload("health " + i + " " + "h".repeat(200)));
      }
      int results = 0;
      while (outbox.totalBytes() < SMALL.budgetBytes() * 2) { // then only results: the link is down for long
        outbox.append(EntryKind.RESULT, ++results, payload("r".repeat(300)));
      }

      List<OutboxEntry> health = outbox.read(0, 10_000).stream().filter(e -> e.kind() == EntryKind.HEALTH).toList();
      assertThat(texts(health)).singleElement().asString().startsWith("health 49 ");
    }
  }

  @Test
  void append_compactionOfASegmentFails_theAppendsStillSucceed() throws IOException {
    try (Outbox outbox = open(SMALL)) {
      int count = 0;
      while (outbox.totalBytes() < SMALL.budgetBytes() - 1024) {
        clock.advance(Duration.ofMinutes(10));
        outbox.append(EntryKind.HEALTH, 0, payload("health " + ++count + " " + "h".repeat(200)));
      }
      // the compaction's temp file cannot be replaced: a non-empty directory in its place
      Path blocker = Files.createDirectories(dir.resolve(segmentFiles().get(0).getFileName() + ".compact/x"));
      for (int i = 0; i < 20; i++) {
        clock.advance(Duration.ofMinutes(10));
        assertThat(outbox.append(EntryKind.HEALTH, 0, payload("health " + ++count + " " + "h".repeat(200))))
            .isEqualTo(count);
      }

      Files.delete(blocker);
      Files.delete(blocker.getParent());
      outbox.append(EntryKind.HEALTH, 0, payload("health " + ++count));

      assertThat(outbox.totalBytes()).isLessThanOrEqualTo(SMALL.budgetBytes());
    }
  }

  @Test
  void open_leftoverCompactionTempFile_isDiscardedAndTheSegmentIsIntact() throws IOException {
    try (Outbox outbox = open(SMALL)) {
      outbox.append(EntryKind.HEALTH, 0, payload("one"));
    }
    Path segment = onlySegment(dir);
    Files.write(segment.resolveSibling(segment.getFileName() + ".compact"), payload("half-written"));
    try (Outbox outbox = open(SMALL)) {
      assertThat(texts(outbox.read(0, 10))).containsExactly("one");
    }
    assertThat(segmentFiles()).hasSize(1);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".compact"));
    }
  }

  private List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
    }
  }

  private static Path onlySegment(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> segments = files.filter(p -> p.toString().endsWith(".seg")).toList();
      assertThat(segments).hasSize(1);
      return segments.get(0);
    }
  }

  private static void copyDirectory(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }

  private static List<Long> range(long from, long to) {
    List<Long> values = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      values.add(i);
    }
    return values;
  }
}
