package dev.cairn.controller.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.controller.model.AgentEntry;
import dev.cairn.controller.model.ApiTokenRecord;
import dev.cairn.controller.model.AuditRecord;
import dev.cairn.controller.model.CommandRecord;
import dev.cairn.controller.model.CommandStatus;
import dev.cairn.controller.model.DesiredScope;
import dev.cairn.controller.model.EnrollmentTokenRecord;
import dev.cairn.controller.model.EventQuery;
import dev.cairn.controller.model.EventRecord;
import dev.cairn.controller.model.HealthRecord;
import dev.cairn.controller.model.ResultRecord;
import dev.cairn.controller.model.Role;
import dev.cairn.controller.model.VolumeHealthRecord;
import dev.cairn.controller.store.AgentEntryStore;
import dev.cairn.controller.store.CommandStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RocksDB store on a real database in a temp directory, including reopening it. */
class RocksControllerStoreTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  @TempDir Path dir;
  private RocksControllerStore store;

  @BeforeEach
  void open() throws Exception {
    store = RocksControllerStore.open(dir, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void reopen() throws Exception {
    store.close();
    store = RocksControllerStore.open(dir, Clock.systemUTC());
  }

  private CommandStore.NewCommand command(String id, String node) {
    return new CommandStore.NewCommand(id, node, "ping", new ObjectMapper().createObjectNode(), T0,
        null, "test", seq -> new byte[] {(byte) seq.longValue()});
  }

  @Test
  void enqueue_sameIdTwice_returnsFirstAndQueuesOnce() {
    CommandStore.Enqueued first = store.commands().enqueue(command("c1", "n1"));
    CommandStore.Enqueued again = store.commands().enqueue(command("c1", "n1"));

    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.command().seq()).isEqualTo(first.command().seq());
    assertThat(store.commands().after("n1", 0, 10)).hasSize(1);
  }

  @Test
  void auditAppend_entryWithAnEarlierTimeThanTheOneBefore_positionsStayUniqueAfterReopen() throws Exception {
    AuditRecord later = store.audit().append(audit(T0.plusSeconds(2), "A"));
    AuditRecord earlier = store.audit().append(audit(T0.plusSeconds(1), "B")); // its writer read the clock first
    reopen();
    AuditRecord next = store.audit().append(audit(T0.plusSeconds(3), "C"));

    assertThat(List.of(later.position(), earlier.position(), next.position())).doesNotHaveDuplicates();
    assertThat(next.position()).isGreaterThan(Math.max(later.position(), earlier.position()));
  }

  private static AuditRecord audit(java.time.Instant at, String actor) {
    return new AuditRecord(0, at, actor, "admin", "POST /api/v1/tokens", 201, "ok", null, null);
  }

  @Test
  void enqueue_afterReopen_continuesSeqPerNode() throws Exception {
    store.commands().enqueue(command("a1", "a"));
    store.commands().enqueue(command("a2", "a"));
    store.commands().enqueue(command("b1", "b"));
    reopen();
    CommandRecord third = store.commands().enqueue(command("a3", "a")).command();

    assertThat(third.seq()).isEqualTo(3);
    assertThat(store.commands().after("a", 1, 10)).extracting(CommandRecord::id)
        .containsExactly("a2", "a3");
    assertThat(store.commands().after("b", 0, 10)).extracting(CommandRecord::seq).containsExactly(1L);
    assertThat(store.commands().recent("a", 2)).extracting(CommandRecord::id).containsExactly("a3", "a2");
  }

  @Test
  void markDelivered_upToSeq_changesOnlyPendingAtOrBelow() {
    for (int i = 1; i <= 3; i++) {
      store.commands().enqueue(command("c" + i, "n"));
    }
    store.commands().markDelivered("n", 2, T0);

    assertThat(store.commands().after("n", 0, 10)).extracting(CommandRecord::status)
        .containsExactly(CommandStatus.DELIVERED, CommandStatus.DELIVERED, CommandStatus.PENDING);
    assertThat(store.nodes().get("n").orElseThrow().lastAckedCommandSeq()).isEqualTo(2);
  }

  @Test
  void markDelivered_beyondQueueEnd_doesNotSkipLaterCommands() {
    store.commands().enqueue(command("c1", "n"));
    store.commands().markDelivered("n", 1_000, T0);
    store.commands().enqueue(command("c2", "n"));
    store.commands().markDelivered("n", 2, T0);

    assertThat(store.commands().get("c2").orElseThrow().status()).isEqualTo(CommandStatus.DELIVERED);
  }

  @Test
  void accept_replayedSeq_isNotAppliedAgain() {
    EventRecord event = new EventRecord(0, "n", "e1", "alert.raised", "warning", "disk", Map.of(),
        T0, T0);
    AgentEntryStore.Accepted first = store.agentEntries().accept("n", 5, new AgentEntry.Event(event), T0);
    AgentEntryStore.Accepted replay = store.agentEntries().accept("n", 5, new AgentEntry.Event(event), T0);
    AgentEntryStore.Accepted older = store.agentEntries().accept("n", 3, new AgentEntry.Event(event), T0);

    assertThat(first).isEqualTo(new AgentEntryStore.Accepted(true, 5));
    assertThat(replay).isEqualTo(new AgentEntryStore.Accepted(false, 5));
    assertThat(older).isEqualTo(new AgentEntryStore.Accepted(false, 5));
    assertThat(store.events().query(new EventQuery("n", null, null, 100))).hasSize(1);
  }

  @Test
  void accept_sameEventIdUnderANewSeq_isStoredOnceAlsoAfterReopen() throws Exception {
    EventRecord event = new EventRecord(0, "n", "e1", "alert.raised", "warning", "disk",
        Map.of("alert", "volume-capacity", "path", "/opt/ai-q/data"), T0, T0);
    EventRecord sameIdOtherNode = new EventRecord(0, "m", "e1", "alert.raised", "warning", "disk",
        Map.of("alert", "volume-capacity", "path", "/opt/ai-q/data"), T0, T0);

    assertThat(store.agentEntries().accept("n", 1, new AgentEntry.Event(event), T0).applied()).isTrue();
    assertThat(store.agentEntries().accept("n", 2, new AgentEntry.Event(event), T0))
        .isEqualTo(new AgentEntryStore.Accepted(true, 2));
    reopen();
    store.agentEntries().accept("n", 3, new AgentEntry.Event(event), T0);
    store.agentEntries().accept("m", 1, new AgentEntry.Event(sameIdOtherNode), T0);

    assertThat(store.events().query(new EventQuery("n", null, null, 100))).hasSize(1);
    assertThat(store.events().query(new EventQuery("m", null, null, 100))).hasSize(1);
    assertThat(store.nodes().get("n").orElseThrow().lastAgentSeq()).isEqualTo(3);
  }

  @Test
  void accept_result_settlesCommandAndSurvivesReopen() throws Exception {
    store.commands().enqueue(command("c1", "n"));
    ResultRecord result = new ResultRecord("c1", 1, "changed", "done", null, T0, T0, T0);
    store.agentEntries().accept("n", 1, new AgentEntry.Result(result), T0);
    reopen();

    CommandRecord stored = store.commands().get("c1").orElseThrow();
    assertThat(stored.status()).isEqualTo(CommandStatus.CHANGED);
    assertThat(stored.result().message()).isEqualTo("done");
    assertThat(store.nodes().get("n").orElseThrow().lastAgentSeq()).isEqualTo(1);
  }

  @Test
  void accept_resultForAnotherNodesCommand_leavesCommandAlone() {
    store.commands().enqueue(command("c1", "owner"));
    ResultRecord result = new ResultRecord("c1", 1, "failed", "spoofed", null, T0, T0, T0);
    store.agentEntries().accept("intruder", 1, new AgentEntry.Result(result), T0);

    CommandRecord stored = store.commands().get("c1").orElseThrow();
    assertThat(stored.status()).isEqualTo(CommandStatus.PENDING);
    assertThat(stored.result()).isNull();
  }

  @Test
  void accept_healthAndApplied_updateLatestAndAppliedVersion() {
    HealthRecord health = new HealthRecord(T0, List.of(
        new VolumeHealthRecord("/opt/ai-q", "", "", 1, 2, 1, 0.5, "ok", List.of())));
    store.agentEntries().accept("n", 1, new AgentEntry.Health(health), T0);
    store.agentEntries().accept("n", 2, new AgentEntry.Applied(7, "ok", ""), T0);

    assertThat(store.nodes().health("n")).contains(health);
    assertThat(store.nodes().get("n").orElseThrow().appliedVersion()).isEqualTo(7);
  }

  @Test
  void put_desiredAcrossScopes_versionsIncreaseAndPersist() throws Exception {
    ObjectNode spec = new ObjectMapper().createObjectNode().put("a", 1);
    long v1 = store.desired().put(DesiredScope.NODE, "n", spec, "t").version();
    long v2 = store.desired().put(DesiredScope.GROUP, "g", spec, "t").version();
    long v3 = store.desired().setGroups("n", List.of("g")).membershipVersion();
    reopen();
    long v4 = store.desired().put(DesiredScope.NODE, "n", spec.put("a", 2), "t").version();

    assertThat(List.of(v1, v2, v3, v4)).containsExactly(1L, 2L, 3L, 4L);
    assertThat(store.desired().get(DesiredScope.NODE, "n").orElseThrow().spec().get("a").asInt())
        .isEqualTo(2);
    assertThat(store.desired().get(DesiredScope.GROUP, "n")).isEmpty();
    assertThat(store.nodes().get("n").orElseThrow().groups()).containsExactly("g");
  }

  @Test
  void apiTokens_findByHashAndDelete() {
    store.apiTokens().create(new ApiTokenRecord("id1", "ci", Role.OPERATOR, "hash1", T0, "t"));

    assertThat(store.apiTokens().findByHash("hash1")).map(ApiTokenRecord::role).contains(Role.OPERATOR);
    assertThat(store.apiTokens().delete("id1")).isTrue();
    assertThat(store.apiTokens().delete("id1")).isFalse();
    assertThat(store.apiTokens().findByHash("hash1")).isEmpty();
  }

  @Test
  void markUsed_secondTime_returnsFalse() {
    store.enrollmentTokens().create(new EnrollmentTokenRecord("e", "h", null, T0, T0.plusSeconds(60),
        "t", null, null));

    assertThat(store.enrollmentTokens().markUsed("h", "n1", T0)).isTrue();
    assertThat(store.enrollmentTokens().markUsed("h", "n2", T0)).isFalse();
    assertThat(store.enrollmentTokens().findByHash("h").orElseThrow().usedBy()).isEqualTo("n1");
  }

  @Test
  void query_events_filtersByNodeKindPrefixAndSince() {
    for (int i = 0; i < 5; i++) {
      store.events().append(new EventRecord(0, i % 2 == 0 ? "a" : "b", "e" + i,
          i < 3 ? "alert.raised" : "snapshot.completed", "info", "", Map.of(), T0,
          T0.plusSeconds(i)), true);
    }

    assertThat(store.events().query(new EventQuery("a", null, null, 100))).extracting(EventRecord::id)
        .containsExactly("e0", "e2", "e4");
    assertThat(store.events().query(new EventQuery(null, "alert", null, 100))).hasSize(3);
    assertThat(store.events().query(new EventQuery(null, null, T0.plusSeconds(3), 100)))
        .extracting(EventRecord::id).containsExactly("e3", "e4");
    assertThat(store.events().query(new EventQuery(null, null, null, 2)))
        .extracting(EventRecord::id).containsExactly("e3", "e4");
  }

  @Test
  void append_audit_keepsOrderAcrossReopen() throws Exception {
    store.audit().append(new AuditRecord(0, T0, "x", "admin", "POST /a", 201, "ok", null, null));
    reopen();
    store.audit().append(new AuditRecord(0, T0, "x", "admin", "POST /b", 403, "forbidden", null, null));

    List<AuditRecord> entries = store.audit().list(null, 10);
    assertThat(entries).extracting(AuditRecord::action).containsExactly("POST /a", "POST /b");
    assertThat(entries.get(1).position()).isGreaterThan(entries.get(0).position());
  }
}
