package dev.cairn.inventory.desired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.inventory.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON contract between controller and agent. */
class DesiredStateCodecTest {

  @Test
  void fromJson_everyFleetNode_readsBackWhatWasWritten() throws Exception {
    for (DesiredState s : DesiredStateResolver.resolveAll(Fixtures.load("examples/fleet.yml"))
        .values()) {
      assertThat(DesiredStateCodec.fromJson(DesiredStateCodec.toJson(s))).isEqualTo(s);
      assertThat(DesiredStateCodec.fromMap(DesiredStateCodec.toMap(s))).isEqualTo(s);
    }
  }

  @Test
  void toJson_fieldNames_areTheDocumentedOnes() throws Exception {
    DesiredState s = DesiredStateResolver.resolve(Fixtures.load("examples/fleet.yml"), "n-db01");

    Map<String, Object> map = DesiredStateCodec.toMap(s);

    assertThat(map).containsOnlyKeys("schemaVersion", "node", "baseDir", "timezone", "labels",
        "drift", "volumes", "backupPolicies", "schedules", "hooks", "images", "imageCache",
        "repositories", "alertThresholds", "healthIntervalSeconds");
    assertThat(DesiredStateCodec.toJson(s)).contains("\"backupPolicy\": \"gfs-default\"")
        .doesNotContain("null");
  }

  @Test
  void fromJson_unknownField_isRefused() throws Exception {
    String json = DesiredStateCodec.toJson(DesiredStateResolver.resolve(
        Fixtures.load("examples/fleet.yml"), "e-edge01")).replaceFirst("\\{", "{\"extra\": 1,");

    assertThatThrownBy(() -> DesiredStateCodec.fromJson(json))
        .isInstanceOf(DesiredStateException.class).hasMessageContaining("extra");
  }

  @Test
  void fromJson_newerSchemaVersion_isRefused() throws Exception {
    String json = DesiredStateCodec.toJson(DesiredStateResolver.resolve(
            Fixtures.load("examples/fleet.yml"), "e-edge01"))
        .replace("\"schemaVersion\": 1", "\"schemaVersion\": 2");

    assertThatThrownBy(() -> DesiredStateCodec.fromJson(json))
        .isInstanceOf(DesiredStateException.class).hasMessageContaining("schemaVersion 2");
  }

  @Test
  void fromJson_notJson_isRefused() {
    assertThatThrownBy(() -> DesiredStateCodec.fromJson("{\"schemaVersion\": "))
        .isInstanceOf(DesiredStateException.class).hasMessageContaining("not a desired-state");
  }
}
