package dev.cairn.agent.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.inventory.desired.DesiredState;
import dev.cairn.inventory.desired.DesiredStateCodec;
import dev.cairn.inventory.desired.Hook;
import dev.cairn.inventory.desired.Hook.OnError;
import dev.cairn.inventory.desired.Hook.Type;
import dev.cairn.inventory.desired.ServiceHooks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HookDeclarationsTest {

  @Test
  void plans_everyKind_becomesItsStep() throws Exception {
    ServiceHooks declared = new ServiceHooks("postgresql",
        List.of(new Hook(Type.COMMAND, null, List.of("psql", "-c", "CHECKPOINT"), 60, OnError.FAIL,
                Map.of("PGPORT", "5433")),
            new Hook(Type.EXEC, "pg", List.of("sync"), 5, OnError.CONTINUE),
            new Hook(Type.PAUSE, "pg", List.of(), 30, OnError.FAIL)),
        List.of(new Hook(Type.UNPAUSE, "pg", List.of(), 30, OnError.CONTINUE)));

    List<HookPlan> plans = HookDeclarations.plans(List.of(declared));

    assertThat(plans).singleElement().satisfies(plan -> {
      assertThat(plan.service()).isEqualTo("postgresql");
      assertThat(plan.pre()).containsExactly(
          new HookStep.Command(List.of("psql", "-c", "CHECKPOINT"), Map.of("PGPORT", "5433"), Duration.ofSeconds(60),
              dev.cairn.agent.hook.OnError.FAIL),
          new HookStep.Exec("pg", List.of("sync"), Map.of(), Duration.ofSeconds(5), dev.cairn.agent.hook.OnError.CONTINUE),
          new HookStep.Pause("pg", Duration.ofSeconds(30), dev.cairn.agent.hook.OnError.FAIL));
      assertThat(plan.post()).containsExactly(
          new HookStep.Unpause("pg", Duration.ofSeconds(30), dev.cairn.agent.hook.OnError.CONTINUE));
    });
  }

  @Test
  void plans_badSteps_reportsEveryProblemWithItsPlace() {
    ServiceHooks declared = new ServiceHooks("redis",
        List.of(new Hook(null, null, List.of("x"), 30, OnError.FAIL),
            new Hook(Type.COMMAND, null, List.of(), 30, OnError.FAIL),
            new Hook(Type.COMMAND, null, List.of("redis-cli", "BGSAVE"), -5, OnError.FAIL)),
        List.of(new Hook(Type.EXEC, null, List.of("true"), 30, OnError.FAIL),
            new Hook(Type.PAUSE, "r", List.of("sh"), 30, OnError.FAIL)));

    assertThatThrownBy(() -> HookDeclarations.plans(List.of(declared)))
        .isInstanceOf(HookDeclarationException.class)
        .hasMessageContaining("cairn_hooks.redis.pre[0]: unknown kind; a step is one of command, exec, pause, unpause")
        .hasMessageContaining("cairn_hooks.redis.pre[1].command: missing argv")
        .hasMessageContaining("cairn_hooks.redis.pre[2].timeout: must be positive, not -5s")
        .hasMessageContaining("cairn_hooks.redis.post[0]: exec needs the container's name or id")
        .hasMessageContaining("cairn_hooks.redis.post[1]: a pause step runs no command");
  }

  @Test
  void plans_fromAResolvedDocument_readsItsHooks() throws Exception {
    String json = """
        {"schemaVersion": 1, "node": "n1", "baseDir": "/opt/ai-q", "timezone": "UTC", "labels": {},
         "drift": "REPAIR", "volumes": [], "backupPolicies": [], "schedules": [], "images": [],
         "repositories": [], "healthIntervalSeconds": 3600,
         "hooks": [{"service": "redis", "pre": [{"type": "COMMAND", "command": ["redis-cli", "BGSAVE"],
                    "timeoutSeconds": 60, "onError": "CONTINUE", "env": {"REDISCLI_AUTH": "x"}}], "post": []}]}
        """;
    DesiredState state = DesiredStateCodec.fromJson(json);

    List<HookPlan> plans = HookDeclarations.plans(state.hooks());

    assertThat(plans).singleElement().extracting(HookPlan::pre).asList().containsExactly(
        new HookStep.Command(List.of("redis-cli", "BGSAVE"), Map.of("REDISCLI_AUTH", "x"), Duration.ofSeconds(60),
            dev.cairn.agent.hook.OnError.CONTINUE));
  }

  @Test
  void forServices_keepsOnlyTheSnapshotsServices() throws Exception {
    List<HookPlan> plans = List.of(new HookPlan("a", List.of(), List.of()), new HookPlan("b", List.of(), List.of()));

    assertThat(HookDeclarations.forServices(plans, List.of("b", "c"))).extracting(HookPlan::service)
        .containsExactly("b");
  }
}
