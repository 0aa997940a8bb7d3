package dev.cairn.inventory.desired;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Field-by-field changes of a node's desired state between two inventory versions. */
class DesiredStateDiffTest {

  @TempDir Path one;
  @TempDir Path two;

  @Test
  void between_changedModeAddedVolumeAndDisabledSchedule_namesEachChange() throws Exception {
    DesiredState before = DesiredStateResolverTest.resolveIn(one, "cairn_services: [redis]\n");
    DesiredState after = DesiredStateResolverTest.resolveIn(two, """
        cairn_services: [redis]
        cairn_volumes:
          redis-data: {mode: "0700"}
          extra: {path: data/extra}
        cairn_schedules:
          weekly: {enabled: false}
        """);

    DesiredStateDiff diff = DesiredStateDiff.between(before, after);

    assertThat(diff.changes()).extracting(DesiredStateDiff.Change::toString).containsExactly(
        "volumes[redis-data].mode: \"0750\" -> \"0700\"",
        "volumes[extra]: (none) -> {\"name\":\"extra\",\"kind\":\"DATA\",\"path\":"
            + "\"/opt/ai-q/data/extra\",\"owner\":\"0\",\"group\":\"0\",\"mode\":\"0750\","
            + "\"tier\":\"HOT\",\"backupPolicy\":\"gfs-default\",\"repository\":\"local\"}",
        "schedules[weekly]: {\"name\":\"weekly\",\"cron\":\"0 3 * * 0\",\"action\":\"SNAPSHOT\","
            + "\"volumes\":[],\"repository\":\"local\",\"tags\":[\"weekly\"]} -> (none)");
  }

  @Test
  void between_sameState_isEmpty() throws Exception {
    DesiredState s = DesiredStateResolverTest.resolveIn(one, "");

    assertThat(DesiredStateDiff.between(s, s).isEmpty()).isTrue();
  }
}
