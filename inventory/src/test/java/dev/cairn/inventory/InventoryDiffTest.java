package dev.cairn.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.inventory.InventoryDiff.Kind;
import dev.cairn.inventory.InventoryDiff.VarChange;
import dev.cairn.inventory.source.InventoryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two versions of an inventory compared host by host. */
class InventoryDiffTest {

  @TempDir Path dir;

  @Test
  void between_twoVersions_listsHostsGroupsMembershipsAndVariables() throws Exception {
    Inventory v1 = load("v1.ini", "[web]\nw1 port=80\nw2\n[db]\nd1\n[db:vars]\ntier=gold\n");
    Inventory v2 = load("v2.ini",
        "[web]\nw1 port=8080 tls=True\nw3\n[db]\nd1\nw1\n[cache]\nc1\n[db:vars]\ntier=gold\n");

    InventoryDiff diff = InventoryDiff.between(v1, v2);

    assertThat(diff.hostsAdded()).containsExactly("w3", "c1");
    assertThat(diff.hostsRemoved()).containsExactly("w2");
    assertThat(diff.groupsAdded()).containsExactly("cache");
    assertThat(diff.groupsRemoved()).isEmpty();
    assertThat(diff.hostsChanged()).singleElement().satisfies(c -> {
      assertThat(c.host()).isEqualTo("w1");
      assertThat(c.groupsJoined()).containsExactly("db");
      assertThat(c.groupsLeft()).isEmpty();
      assertThat(c.vars()).containsExactly(
          new VarChange("port", Kind.CHANGED, 80L, 8080L),
          new VarChange("tier", Kind.ADDED, null, "gold"),
          new VarChange("tls", Kind.ADDED, null, true));
    });
    assertThat(diff.isEmpty()).isFalse();
  }

  @Test
  void between_sameFleetInYamlAndIni_isEmpty() throws Exception {
    InventoryDiff diff = InventoryDiff.between(
        Fixtures.load("examples/fleet.yml"), Fixtures.load("examples/fleet.ini"));

    assertThat(diff.isEmpty()).as(diff.toString()).isTrue();
  }

  @Test
  void between_removedVariable_isReportedWithItsOldValue() throws Exception {
    InventoryDiff diff = InventoryDiff.between(load("a.ini", "h1 x=1\n"), load("b.ini", "h1\n"));

    assertThat(diff.hostsChanged().get(0).vars())
        .containsExactly(new VarChange("x", Kind.REMOVED, 1L, null));
  }

  private Inventory load(String name, String content) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return InventoryLoader.load(file);
  }
}
