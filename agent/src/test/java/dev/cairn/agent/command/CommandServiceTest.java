package dev.cairn.agent.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.util.Timestamps;
import dev.cairn.agent.outbox.BudgetListener;
import dev.cairn.agent.outbox.EntryKind;
import dev.cairn.agent.outbox.EventPublisher;
import dev.cairn.agent.outbox.Outbox;
import dev.cairn.agent.outbox.OutboxEntry;
import dev.cairn.agent.outbox.OutboxOptions;
import dev.cairn.agent.testing.MutableClock;
import dev.cairn.agent.wire.StructEncoding;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.Ping;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandServiceTest {

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final List<String> applied = Collections.synchronizedList(new ArrayList<>());
  private Outbox outbox;
  private CommandService service;

  @BeforeEach
  void openOutbox() throws IOException {
    outbox = Outbox.open(dir.resolve("outbox"), OutboxOptions.DEFAULTS, clock, BudgetListener.NONE);
  }

  @AfterEach
  void close() throws IOException {
    if (service != null) {
      service.close();
    }
    outbox.close();
  }

  private CommandService start(CommandRegistry registry) throws IOException {
    service = CommandService.start(dir.resolve("commands"), registry, outbox, new EventPublisher(outbox, clock), clock);
    return service;
  }

  private CommandRegistry recordingPings() {
    return CommandRegistry.builder().register(Command.Ping.class, (ping, context) -> {
      applied.add(ping.payload());
      return Completion.ok("pong");
    }).build();
  }

  private static dev.cairn.proto.v1.Command ping(String id, String payload) {
    return dev.cairn.proto.v1.Command.newBuilder().setId(id).setPing(Ping.newBuilder().setPayload(payload)).build();
  }

  private List<dev.cairn.proto.v1.CommandResult> results() throws IOException {
    List<dev.cairn.proto.v1.CommandResult> results = new ArrayList<>();
    for (OutboxEntry entry : outbox.read(0, 10_000)) {
      if (entry.kind() == EntryKind.RESULT) {
        results.add(AgentMessage.parseFrom(entry.payload()).getResult());
      }
    }
    return results;
  }

  private void awaitResults(int count) {
    await().atMost(Duration.ofSeconds(10)).until(() -> results().size() >= count);
  }

  @Test
  void accept_commandsInSeqOrder_runsEachOnceInOrderAndReportsResults() throws IOException {
    start(recordingPings());
    for (int seq = 1; seq <= 20; seq++) {
      assertThat(service.accept(seq, ping("c" + seq, "p" + seq))).isTrue();
    }
    awaitResults(20);
    assertThat(applied).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "p" + i).toList());
    List<dev.cairn.proto.v1.CommandResult> results = results();
    assertThat(results).extracting(r -> r.getCommandSeq()).containsExactlyElementsOf(
        java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
    assertThat(results).allMatch(r -> r.getOutcome() == dev.cairn.proto.v1.Outcome.OUTCOME_OK);
    assertThat(service.lastAcceptedSeq()).isEqualTo(20);
    assertThat(service.appliedSeq("c7")).hasValue(7);
  }

  @Test
  void accept_sameSeqDeliveredAgain_isIgnoredAndAppliedOnce() throws IOException {
    start(recordingPings());
    assertThat(service.accept(1, ping("a", "x"))).isTrue();
    assertThat(service.accept(1, ping("a", "x"))).isFalse();
    awaitResults(1);
    assertThat(service.accept(1, ping("a", "x"))).isFalse();
    assertThat(applied).containsExactly("x");
    assertThat(results()).hasSize(1);
  }

  @Test
  void accept_sameIdAtANewSeq_isSkippedAsAlreadyApplied() throws IOException {
    start(recordingPings());
    service.accept(1, ping("same-id", "first"));
    service.accept(2, ping("same-id", "second"));
    awaitResults(2);
    assertThat(applied).containsExactly("first");
    assertThat(results().get(1).getOutcome()).isEqualTo(dev.cairn.proto.v1.Outcome.OUTCOME_SKIPPED);
    assertThat(results().get(1).getMessage()).contains("already applied");
  }

  @Test
  void accept_commandPastItsExpiry_isSkippedWithoutRunning() throws IOException {
    start(recordingPings());
    dev.cairn.proto.v1.Command expired = ping("old", "late").toBuilder()
        .setNotAfter(Timestamps.fromMillis(clock.instant().minusSeconds(1).toEpochMilli())).build();
    dev.cairn.proto.v1.Command fresh = ping("new", "on time").toBuilder()
        .setNotAfter(Timestamps.fromMillis(clock.instant().plusSeconds(60).toEpochMilli())).build();
    service.accept(1, expired);
    service.accept(2, fresh);
    awaitResults(2);
    assertThat(applied).containsExactly("on time");
    assertThat(results().get(0).getOutcome()).isEqualTo(dev.cairn.proto.v1.Outcome.OUTCOME_SKIPPED);
    assertThat(results().get(0).getMessage()).contains("expired");
  }

  @Test
  void accept_kindWithoutHandler_failsWithAClearMessage() throws IOException {
    start(recordingPings());
    service.accept(1, dev.cairn.proto.v1.Command.newBuilder().setId("s")
        .setPrune(dev.cairn.proto.v1.Prune.newBuilder().setRepository("r")).build());
    service.accept(2, dev.cairn.proto.v1.Command.newBuilder().setId("unknown").build());
    awaitResults(2);
    assertThat(results().get(0).getOutcome()).isEqualTo(dev.cairn.proto.v1.Outcome.OUTCOME_FAILED);
    assertThat(results().get(0).getMessage()).contains("does not support 'prune'");
    assertThat(results().get(1).getMessage()).contains("does not know");
  }

  @Test
  void handle_throwsCommandException_failsWithItsMessageAndDetailsSurviveTheCodec() throws IOException {
    start(CommandRegistry.builder()
        .register(Command.Ping.class, (ping, context) -> {
          if (ping.payload().equals("bad")) {
            throw new CommandException("volume 'x' does not exist; check the catalogue");
          }
          return Completion.changed("done", java.util.Map.of("count", 3, "names", List.of("a", "b")));
        }).build());
    service.accept(1, ping("1", "bad"));
    service.accept(2, ping("2", "good"));
    awaitResults(2);
    assertThat(results().get(0).getMessage()).isEqualTo("volume 'x' does not exist; check the catalogue");
    assertThat(results().get(1).getOutcome()).isEqualTo(dev.cairn.proto.v1.Outcome.OUTCOME_CHANGED);
    assertThat(StructEncoding.decode(results().get(1).getDetails()))
        .isEqualTo(java.util.Map.of("count", 3.0, "names", List.of("a", "b")));
  }

  @Test
  void start_acceptedButNotRunBeforeAStop_runsThemOnceAfterRestart() throws Exception {
    CountDownLatch blocked = new CountDownLatch(1);
    start(CommandRegistry.builder().register(Command.Ping.class, (ping, context) -> {
      blocked.await();
      return Completion.ok("never");
    }).build());
    service.accept(1, ping("1", "blocks"));
    service.accept(2, ping("2", "waits"));
    await().until(() -> service.pendingCount() == 2);
    service.close(); // interrupts the handler of seq 1 while it runs
    service = null;

    start(recordingPings());
    awaitResults(2);
    assertThat(applied).containsExactly("waits");
    List<dev.cairn.proto.v1.CommandResult> results = results();
    assertThat(results.get(0).getOutcome()).isEqualTo(dev.cairn.proto.v1.Outcome.OUTCOME_FAILED);
    assertThat(results.get(0).getMessage()).contains("was not run again");
    assertThat(results.get(1).getOutcome()).isEqualTo(dev.cairn.proto.v1.Outcome.OUTCOME_OK);
    assertThat(service.lastAcceptedSeq()).isEqualTo(2);
    assertThat(service.accept(2, ping("2", "waits"))).isFalse();
  }

  @Test
  void start_resultAlreadyInOutboxButNotRecordedAsFinished_doesNotRunItAgain() throws IOException {
    try (CommandJournal journal = CommandJournal.open(dir.resolve("commands"), 100, 1 << 20)) {
      journal.accept(5, ping("five", "ran before the crash").toByteArray());
      journal.started(5);
    }
    outbox.append(EntryKind.RESULT, 5, CommandCodec.encode(
        new CommandResult("five", 5, Outcome.OK, "pong", java.util.Map.of(), clock.instant(), clock.instant()),
        clock.instant()));

    start(recordingPings());
    await().until(() -> service.pendingCount() == 0);
    assertThat(applied).isEmpty();
    assertThat(results()).hasSize(1);
    assertThat(service.appliedSeq("five")).hasValue(5);
  }

  @Test
  void finished_manyCommands_compactsTheJournalAndKeepsAppliedIdsAcrossRestart() throws IOException {
    try (CommandJournal journal = CommandJournal.open(dir.resolve("commands"), 50, 2048)) {
      for (int seq = 1; seq <= 200; seq++) {
        journal.accept(seq, ping("id-" + seq, "p").toByteArray());
        journal.finished(seq, "id-" + seq);
      }
      journal.accept(201, ping("id-201", "pending").toByteArray());
      assertThat(java.nio.file.Files.size(dir.resolve("commands").resolve(CommandJournal.FILE))).isLessThan(4096);
    }
    try (CommandJournal reopened = CommandJournal.open(dir.resolve("commands"), 50, 2048)) {
      assertThat(reopened.lastAcceptedSeq()).isEqualTo(201);
      assertThat(reopened.appliedSeq("id-200")).hasValue(200);
      assertThat(reopened.appliedSeq("id-1")).isEmpty(); // beyond the 50 most recent
      assertThat(reopened.next()).map(CommandJournal.Pending::seq).hasValue(201L);
      assertThat(reopened.accept(150, ping("x", "y").toByteArray())).isFalse();
    }
  }
}
