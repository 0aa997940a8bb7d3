package dev.cairn.agent.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordFileTest {

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("records");
  }

  private FailingFileChannel channel() throws IOException {
    return new FailingFileChannel(FileChannel.open(file(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.READ));
  }

  private static byte[] body(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private List<String> records(long end) throws IOException {
    List<String> texts = new ArrayList<>();
    RecordFile.scan(file(), 0, end, (offset, body) -> texts.add(new String(body, StandardCharsets.UTF_8)));
    return texts;
  }

  @Test
  void append_fsyncFails_theRecordIsCutOffAndTheNextOneFollowsTheLastGoodRecord() throws IOException {
    FailingFileChannel channel = channel();
    try (RecordFile records = RecordFile.openForAppend(file(), 0, channel)) {
      records.append(body("first"), true);
      long end = records.size();
      channel.failNextForce();

      assertThatThrownBy(() -> records.append(body("written, but its fsync failed"), true))
          .isInstanceOf(IOException.class).hasMessageContaining("fsync");

      assertThat(records.size()).isEqualTo(end);
      assertThat(Files.size(file())).isEqualTo(end);
      records.append(body("second"), true);
    }
    assertThat(records(Long.MAX_VALUE)).containsExactly("first", "second");
  }

  @Test
  void append_writeFailsHalfway_theHalfRecordIsCutOff() throws IOException {
    FailingFileChannel channel = channel();
    try (RecordFile records = RecordFile.openForAppend(file(), 0, channel)) {
      records.append(body("first"), true);
      long end = records.size();
      channel.failNextWriteHalfway();

      assertThatThrownBy(() -> records.append(body("x".repeat(1000)), true)).hasMessageContaining("No space left");

      assertThat(Files.size(file())).isEqualTo(end);
      records.append(body("second"), true);
    }
    RecordFile.Scan scan = RecordFile.scan(file(), 0, (offset, body) -> true);
    assertThat(scan.damaged()).isFalse();
    assertThat(records(Long.MAX_VALUE)).containsExactly("first", "second");
  }

  @Test
  void append_fsyncAndCuttingOffFail_sizeStaysAtTheLastGoodRecordAndScanningToItSkipsTheRest() throws IOException {
    FailingFileChannel channel = channel();
    long end;
    try (RecordFile records = RecordFile.openForAppend(file(), 0, channel)) {
      records.append(body("first"), true);
      end = records.size();
      channel.failNextForce().failNextTruncate();

      assertThatThrownBy(() -> records.append(body("left behind"), true))
          .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
              .satisfies(s -> assertThat(s).hasMessageContaining("truncate")));

      assertThat(records.size()).as("the failed record is not counted").isEqualTo(end);
    }
    assertThat(Files.size(file())).as("its bytes are still there").isGreaterThan(end);
    assertThat(records(end)).containsExactly("first");

    try (RecordFile reopened = RecordFile.openForAppend(file(), end)) {
      reopened.append(body("second"), true);
    }
    assertThat(records(Long.MAX_VALUE)).containsExactly("first", "second");
  }

  @Test
  void scan_toAnEndOffset_readsTheRecordsBeforeItOnly() throws IOException {
    long afterTwo;
    try (RecordFile records = RecordFile.openForAppend(file(), 0)) {
      records.append(body("one"), false);
      records.append(body("two"), false);
      afterTwo = records.size();
      records.append(body("three"), true);
    }
    RecordFile.Scan scan = RecordFile.scan(file(), 0, afterTwo, (offset, body) -> true);

    assertThat(records(afterTwo)).containsExactly("one", "two");
    assertThat(scan.damaged()).isFalse();
    assertThat(scan.validEnd()).isEqualTo(afterTwo);
  }
}
