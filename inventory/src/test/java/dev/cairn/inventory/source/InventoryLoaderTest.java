package dev.cairn.inventory.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.inventory.Fixtures;
import dev.cairn.inventory.Inventory;
import dev.cairn.inventory.Origin;
import dev.cairn.inventory.Variables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How sources, directories and vars files are found and read. */
class InventoryLoaderTest {

  @TempDir Path dir;

  @Test
  void load_directory_readsInventoryFilesAndSkipsWhatAnsibleSkips() throws Exception {
    Inventory inv = Fixtures.load("precedence");

    assertThat(inv.hostNames()).containsExactly("w1", "d1", "x1");
    assertThat(inv.group("ignored")).isEmpty();
    assertThat(inv.warnings()).anyMatch(w -> w.contains("30-skipped.ini: skipped"));
    assertThat(inv.warnings()).noneMatch(w -> w.contains("40-backup~"));
  }

  @Test
  void load_groupVarsDirectory_mergesFilesInLexicalOrderAndShadowsOtherNames() throws Exception {
    Inventory inv = Fixtures.load("precedence");

    assertThat(inv.vars("w1")).containsEntry("b", 2L).containsEntry("shadow", "web-dir");
    assertThat(inv.warnings()).anyMatch(
        w -> w.contains("group_vars/web.yml: not used") && w.contains("group_vars/web is read"));
  }

  @Test
  void variables_mergedVariable_knowsTheFileAndLineThatSetIt() throws Exception {
    Variables vars = Fixtures.load("precedence").variables("w1");
    Path base = Fixtures.path("precedence");

    assertThat(vars.origins().get("v")).isEqualTo(new Origin(base + "/host_vars/w1.json", 1));
    assertThat(vars.origins().get("wv")).isEqualTo(new Origin(base + "/10-main.yml", 9));
    assertThat(vars.origins().get("b")).isEqualTo(new Origin(base + "/group_vars/web/02", 1));
  }

  @Test
  void load_unusedVarsFiles_areReportedAsWarnings() throws Exception {
    Files.writeString(dir.resolve("hosts"), "[web]\nw1\n");
    Files.createDirectories(dir.resolve("group_vars"));
    Files.createDirectories(dir.resolve("host_vars"));
    Files.writeString(dir.resolve("group_vars/wbe.yml"), "x: 1\n");
    Files.writeString(dir.resolve("group_vars/web.txt"), "x: 1\n");
    Files.writeString(dir.resolve("host_vars/w2.yml"), "x: 1\n");

    List<String> warnings = InventoryLoader.load(dir.resolve("hosts")).warnings();

    assertThat(warnings).anyMatch(w -> w.contains("group_vars/wbe.yml: no group 'wbe'"));
    assertThat(warnings).anyMatch(w -> w.contains("group_vars/web.txt: ignored"));
    assertThat(warnings).anyMatch(w -> w.contains("host_vars/w2.yml: no host 'w2'"));
  }

  @Test
  void load_extensionlessFiles_yamlWhenAMappingOtherwiseIni() throws Exception {
    Files.writeString(dir.resolve("a"), "all:\n  hosts:\n    y1:\n");
    Files.writeString(dir.resolve("b"), "i1\ni2 v=1\n");

    Inventory inv = InventoryLoader.load(dir);

    assertThat(inv.hostNames()).containsExactly("y1", "i1", "i2");
    assertThat(inv.vars("i2")).containsEntry("v", 1L);
  }

  @Test
  void load_emptyFile_warnsAndLoadsNothingFromIt() throws Exception {
    Files.writeString(dir.resolve("empty.yml"), "# nothing yet\n");

    Inventory inv = InventoryLoader.load(dir.resolve("empty.yml"));

    assertThat(inv.hostNames()).isEmpty();
    assertThat(inv.warnings()).anyMatch(w -> w.contains("empty inventory file"));
  }

  @Test
  void load_severalSources_mergesThemInOrder() throws Exception {
    Files.writeString(dir.resolve("one.ini"), "[web]\nw1 v=1\n");
    Files.writeString(dir.resolve("two.yml"), "all:\n  children:\n    web:\n      hosts:\n"
        + "        w1: {v: 2}\n        w2:\n");

    Inventory inv = InventoryLoader.load(List.of(dir.resolve("one.ini"), dir.resolve("two.yml")));

    assertThat(inv.hosts("web").hosts()).containsExactly("w1", "w2");
    assertThat(inv.vars("w1")).containsEntry("v", 2L);
  }

  @Test
  void load_groupNameWithDash_warnsLikeAnsibleAndKeepsIt() throws Exception {
    Inventory inv = Fixtures.load("values.ini");

    assertThat(inv.group("web-servers")).isPresent();
    assertThat(inv.warnings()).anyMatch(w -> w.endsWith("values.ini:3: group name 'web-servers'"
        + " has characters Ansible calls invalid (only letters, digits and _, not starting with a"
        + " digit); kept as it is"));
  }

  @Test
  void load_hostAndGroupWithOneName_warnsLikeAnsible() throws Exception {
    Files.writeString(dir.resolve("h.ini"), "[web]\nweb\n");

    assertThat(InventoryLoader.load(dir.resolve("h.ini")).warnings())
        .contains("Found both group and host with same name: web");
  }

  @Test
  void load_ungroupedRule_hostInAnotherGroupLeavesUngrouped() throws Exception {
    Files.writeString(dir.resolve("h.ini"), "h1\nh2\n[g]\nh2\n");

    Inventory inv = InventoryLoader.load(dir.resolve("h.ini"));

    assertThat(inv.hosts("ungrouped").hosts()).containsExactly("h1");
    assertThat(inv.groupNames("h2")).containsExactly("g");
  }
}
