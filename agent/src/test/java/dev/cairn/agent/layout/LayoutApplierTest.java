package dev.cairn.agent.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.desired.DesiredState;
import dev.cairn.inventory.desired.DesiredStateCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutApplierTest {

  @TempDir Path dir;

  private Path base() {
    return dir.resolve("ai-q");
  }

  private static DesiredState state(long version, String json) throws Exception {
    Struct.Builder spec = Struct.newBuilder();
    JsonFormat.parser().merge(json, spec);
    return new DesiredState(version, spec.build().toByteString(), Instant.parse("2026-11-01T00:00:00Z"));
  }

  private String defaultsJson() {
    return DesiredStateCodec.toJson(LocalDesiredState.defaults(base()));
  }

  @Test
  void apply_defaultDesiredState_createsTheLayoutAndBecomesTheCurrentCatalogue() throws Exception {
    LayoutApplier applier = new LayoutApplier(new LayoutService(), base());
    assertThat(applier.current().declared()).isFalse();

    Completion completion = applier.apply(state(1, defaultsJson()));

    assertThat(completion.outcome()).isEqualTo(Outcome.CHANGED);
    assertThat(completion.message()).contains("27 created");
    assertThat(base().resolve("data/postgresql")).isDirectory();
    assertThat(applier.current().declared()).isTrue();
    assertThat(applier.apply(state(2, defaultsJson())).outcome()).isEqualTo(Outcome.OK);
  }

  @Test
  void apply_reportPolicy_flagsDriftAndRepairDriftLeavesItAlone() throws Exception {
    LayoutApplier applier = new LayoutApplier(new LayoutService(), base());
    applier.apply(state(1, defaultsJson()));
    Path postgres = base().resolve("data/postgresql");
    Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxr-x---"));

    Completion report = applier.apply(state(2, defaultsJson().replace("\"REPAIR\"", "\"REPORT\"")));
    assertThat(report.outcome()).isEqualTo(Outcome.OK);
    assertThat(report.message()).contains("drift: REPORT, not repaired").contains("mode 0750, want 0700");
    assertThat(applier.repairDrift().changed()).isFalse();
    assertThat(Files.getPosixFilePermissions(postgres)).isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));

    applier.apply(state(3, defaultsJson()));
    Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxr-x---"));
    LayoutReport repaired = applier.repairDrift();
    assertThat(repaired.volume("postgresql-data").orElseThrow().changes()).containsExactly("mode 0750 -> 0700");
  }

  @Test
  void apply_specThatIsNotAStructEncoding_failsAndSaysItIsDamaged() throws Exception {
    LayoutApplier applier = new LayoutApplier(new LayoutService(), base());
    byte[] good = state(1, defaultsJson()).spec().toByteArray();
    DesiredState damaged = new DesiredState(1, com.google.protobuf.ByteString.copyFrom(good, 0, good.length / 2),
        Instant.parse("2026-11-01T00:00:00Z"));

    Completion completion = applier.apply(damaged);

    assertThat(completion.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(completion.message()).contains("nothing was changed").contains("the document is damaged");
    assertThat(base()).doesNotExist();
    assertThat(applier.current().declared()).isFalse();
  }

  @Test
  void apply_invalidCatalogue_isRefusedWholeAndThePreviousCatalogueStays() throws Exception {
    LayoutApplier applier = new LayoutApplier(new LayoutService(), base());
    String bad = defaultsJson().replace("\"0700\"", "\"0800\"")
        .replace(base().resolve("data/redis").toString(), "/etc/redis");

    Completion completion = applier.apply(state(1, bad));

    assertThat(completion.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(completion.message()).contains("nothing was changed").contains("'0800' is not an octal file mode")
        .contains("'/etc/redis' is outside the base directory");
    assertThat(base()).doesNotExist();
    assertThat(applier.current().declared()).isFalse();
  }

  @Test
  void apply_documentWithoutCatalogueFields_leavesTheLayoutAlone() throws Exception {
    LayoutApplier applier = new LayoutApplier(new LayoutService(), base());
    Completion completion = applier.apply(state(1, "{\"somethingElse\": 1}"));
    assertThat(completion.outcome()).isEqualTo(Outcome.OK);
    assertThat(base()).doesNotExist();
  }
}
