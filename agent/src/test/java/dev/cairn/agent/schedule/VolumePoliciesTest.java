package dev.cairn.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.desired.DesiredState;
import dev.cairn.agent.layout.Catalogue;
import dev.cairn.agent.layout.CatalogueSource;
import dev.cairn.agent.retention.ForgetPolicy;
import dev.cairn.inventory.desired.AlertThresholds;
import dev.cairn.inventory.desired.BackupPolicy;
import dev.cairn.inventory.desired.DesiredState.DriftPolicy;
import dev.cairn.inventory.desired.DesiredStateCodec;
import dev.cairn.inventory.desired.Volume;
import dev.cairn.inventory.desired.Volume.Kind;
import dev.cairn.inventory.desired.Volume.Tier;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumePoliciesTest {

  @TempDir Path base;
  private VolumePolicies policies;
  private final ForgetPolicy node = ForgetPolicy.builder().last(99).build();

  @BeforeEach
  void setUp() {
    List<Volume> volumes = List.of(volume("postgresql-data", "short"), volume("gitea-data", "gfs-default"),
        volume("cache", null), volume("minio-data", "nowhere"));
    policies = new VolumePolicies(base, CatalogueSource.of(new Catalogue(base, DriftPolicy.REPORT, volumes,
        AlertThresholds.DEFAULT, true)));
  }

  private Volume volume(String name, String policy) {
    return new Volume(name, null, Kind.DATA, base.resolve(name).toString(), "0", "0", "0750", Tier.HOT, policy,
        policy == null ? null : "local");
  }

  private static BackupPolicy keepLast(String name, Integer n) {
    return new BackupPolicy(name, n, null, null, null, null, null, null, null, null, null, null, null, List.of());
  }

  private static DesiredState desired(long version, BackupPolicy... declared) throws Exception {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("schemaVersion", dev.cairn.inventory.desired.DesiredState.SCHEMA_VERSION);
    document.put("backupPolicies", List.of(declared));
    Struct.Builder spec = Struct.newBuilder();
    JsonFormat.parser().merge(DesiredStateCodec.writeJson(document), spec);
    return new DesiredState(version, spec.build().toByteString(), Instant.now());
  }

  @Test
  void forVolume_declaredPolicy_isTheDesiredStatesRules() throws Exception {
    Completion applied = policies.apply(desired(1, keepLast("short", 2)));

    assertThat(applied.outcome()).as(applied.message()).isEqualTo(Outcome.OK);
    assertThat(policies.forVolume("postgresql-data", node).last()).isEqualTo(2);
  }

  @Test
  void forVolume_builtInNameNoPolicyOrUnknownName_fallsBackSensibly() throws Exception {
    policies.apply(desired(1, keepLast("short", 2)));

    assertThat(policies.forVolume("gitea-data", node)).isEqualTo(ForgetPolicy.gfsDefault());
    assertThat(policies.forVolume("cache", node)).isSameAs(node);
    assertThat(policies.forVolume("minio-data", node)).isSameAs(node);
    assertThat(policies.forVolume("not-in-catalogue", node)).isSameAs(node);
  }

  @Test
  void apply_policyWithoutRules_isRefusedAndTheOldPoliciesStay() throws Exception {
    policies.apply(desired(1, keepLast("short", 2)));

    Completion refused = policies.apply(desired(2, keepLast("short", null)));

    assertThat(refused.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(refused.message()).contains("short").contains("no keep rule");
    assertThat(policies.forVolume("postgresql-data", node).last()).isEqualTo(2);
  }
}
