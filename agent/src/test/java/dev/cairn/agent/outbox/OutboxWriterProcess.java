package dev.cairn.agent.outbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Child process for {@link OutboxCrashIT}: appends entries forever (acknowledging some as it goes)
 * and prints {@code appended SEQ PAYLOAD} / {@code acked SEQ} after each call returns, until it is
 * killed.
 */
public final class OutboxWriterProcess {

  private OutboxWriterProcess() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String round = args[1];
    OutboxOptions options = new OutboxOptions(8192, 1 << 30, Duration.ofHours(1));
    try (Outbox outbox = Outbox.open(dir, options, Clock.systemUTC(), BudgetListener.NONE)) {
      System.out.println("ready " + outbox.lastSeq() + " " + outbox.acknowledged());
      System.out.flush();
      for (int i = 0; ; i++) {
        String payload = round + "-" + i + "-" + "p".repeat(i % 300);
        long seq = outbox.append(i % 3 == 0 ? EntryKind.HEALTH : EntryKind.RESULT, 0,
            payload.getBytes(StandardCharsets.UTF_8));
        System.out.println("appended " + seq + " " + payload);
        if (i % 50 == 49) {
          long upTo = seq - 20;
          outbox.acknowledge(upTo);
          System.out.println("acked " + upTo);
        }
        System.out.flush();
      }
    }
  }
}
