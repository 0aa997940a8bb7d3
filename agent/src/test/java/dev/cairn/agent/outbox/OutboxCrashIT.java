package dev.cairn.agent.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a real process appending to an outbox with SIGKILL at random instants; nothing is lost or duplicated. */
class OutboxCrashIT {

  @TempDir Path dir;

  @Test
  void append_processKilledAtRandomInstants_losesNothingItConfirmedAndNeverDuplicatesOrReusesASeq() throws Exception {
    Random random = new Random(20261126L);
    TreeMap<Long, String> confirmed = new TreeMap<>();
    long acked = 0;
    for (int round = 0; round < 6; round++) {
      Process process = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
          OutboxWriterProcess.class.getName(), dir.toString(), "r" + round)
          .redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String ready = out.readLine();
      assertThat(ready).as("child started").startsWith("ready ");
      long killAfterLines = 200 + random.nextInt(1500);
      for (long lines = 0; lines < killAfterLines; lines++) {
        String line = out.readLine();
        assertThat(line).as("child output").isNotNull();
        String[] parts = line.split(" ", 3);
        if (parts[0].equals("appended")) {
          long seq = Long.parseLong(parts[1]);
          assertThat(confirmed).as("seq %d reused", seq).doesNotContainKey(seq);
          if (!confirmed.isEmpty()) {
            assertThat(seq).isGreaterThan(confirmed.lastKey());
          }
          confirmed.put(seq, parts[2]);
        } else if (parts[0].equals("acked")) {
          acked = Math.max(acked, Long.parseLong(parts[1]));
        }
      }
      // SIGKILL by pid: Process.destroyForcibly would also close our end of its stdout
      assertThat(new ProcessBuilder("kill", "-9", Long.toString(process.pid())).start().waitFor()).isZero();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
      // lines the child printed before it died but we did not read yet are appends that returned too
      String line;
      while ((line = out.readLine()) != null) {
        String[] parts = line.split(" ", 3);
        if (parts[0].equals("appended")) {
          confirmed.put(Long.parseLong(parts[1]), parts[2]);
        } else if (parts[0].equals("acked")) {
          acked = Math.max(acked, Long.parseLong(parts[1]));
        }
      }

      try (Outbox outbox = Outbox.open(dir, new OutboxOptions(8192, 1 << 30, java.time.Duration.ofHours(1)),
          Clock.systemUTC(), BudgetListener.NONE)) {
        assertThat(outbox.acknowledged()).isGreaterThanOrEqualTo(acked);
        List<OutboxEntry> entries = outbox.read(0, Integer.MAX_VALUE);
        List<Long> seqs = entries.stream().map(OutboxEntry::seq).toList();
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        Map<Long, String> expected = confirmed.tailMap(outbox.acknowledged(), false);
        for (Map.Entry<Long, String> e : expected.entrySet()) {
          assertThat(seqs).as("confirmed seq %d after round %d", e.getKey(), round).contains(e.getKey());
        }
        for (OutboxEntry entry : entries) {
          if (confirmed.containsKey(entry.seq())) {
            assertThat(new String(entry.payload(), StandardCharsets.UTF_8)).isEqualTo(confirmed.get(entry.seq()));
          }
        }
        // at most the one append in flight at the kill may be on disk without having been confirmed
        assertThat(entries.stream().filter(e -> !confirmed.containsKey(e.seq())).count()).isLessThanOrEqualTo(1);
        entries.stream().filter(e -> !confirmed.containsKey(e.seq()))
            .forEach(e -> confirmed.put(e.seq(), new String(e.payload(), StandardCharsets.UTF_8)));
      }
    }
    assertThat(confirmed.size()).isGreaterThan(1000);
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

}
