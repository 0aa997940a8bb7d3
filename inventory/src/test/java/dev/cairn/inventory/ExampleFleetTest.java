package dev.cairn.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.inventory.desired.DesiredState;
import dev.cairn.inventory.desired.DesiredStateResolver;
import dev.cairn.inventory.desired.Volume;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example fleet in inventory/examples: loads, in both formats, and every node resolves. */
class ExampleFleetTest {

  @Test
  void load_fleet_hasFiftyOrMoreHostsOverSitesRolesAndEnvironments() throws Exception {
    Inventory fleet = Fixtures.load("examples/fleet.yml");

    assertThat(fleet.hostNames()).hasSizeGreaterThanOrEqualTo(50);
    assertThat(fleet.warnings()).isEmpty();
    assertThat(fleet.hosts("site_*").hosts()).hasSize(51);
    assertThat(fleet.hosts("south_app").hosts()).containsExactly("s-app01", "s-app03", "s-app05",
        "s-app07", "s-app09", "s-app11", "s-app13", "s-app15", "s-app17", "s-app19");
    assertThat(fleet.hosts("ungrouped").hosts()).containsExactly("spare01");
    assertThat(fleet.vars("s-edge01")).containsEntry("ansible_port", 2222L);
  }

  @Test
  void load_iniVariant_isTheSameFleet() throws Exception {
    Inventory yaml = Fixtures.load("examples/fleet.yml");
    Inventory ini = Fixtures.load("examples/fleet.ini");

    assertThat(InventoryGraph.lines(ini, "all")).isEqualTo(InventoryGraph.lines(yaml, "all"));
    assertThat(ini.hostsOf("all")).isEqualTo(yaml.hostsOf("all"));
    for (String host : yaml.hostNames()) {
      assertThat(ini.vars(host)).as(host).isEqualTo(yaml.vars(host));
      assertThat(ini.groupNames(host)).as(host).isEqualTo(yaml.groupNames(host));
    }
  }

  @Test
  void load_directory_isTheYamlFleetAndWarnsAboutTheSkippedIni() throws Exception {
    Inventory dir = Fixtures.load("examples");

    assertThat(InventoryDiff.between(Fixtures.load("examples/fleet.yml"), dir).isEmpty()).isTrue();
    assertThat(dir.warnings()).singleElement().asString().contains("fleet.ini: skipped");
  }

  @Test
  void resolveAll_fleet_everyNodeHasAValidDesiredState() throws Exception {
    Map<String, DesiredState> states =
        DesiredStateResolver.resolveAll(Fixtures.load("examples/fleet.yml"));

    assertThat(states).hasSize(52);
    assertThat(states.get("n-edge01").volumes()).allMatch(v -> v.backupPolicy() == null);
    assertThat(states.get("n-db01").volumes()).extracting(Volume::name)
        .contains("postgresql-wal", "postgresql-data", "redis-data");
    assertThat(states.get("lab-db01").volumes()).filteredOn(v -> v.name().equals("postgresql-data"))
        .singleElement().extracting(Volume::backupPolicy).isEqualTo("lab-short");
    assertThat(states.get("lab-store-a").volumes())
        .filteredOn(v -> v.name().equals("minio-data"))
        .singleElement().extracting(Volume::backupPolicy).isEqualTo("storage-lean");
    assertThat(states.get("lab-app01").drift()).isEqualTo(DesiredState.DriftPolicy.REPORT);
  }
}
