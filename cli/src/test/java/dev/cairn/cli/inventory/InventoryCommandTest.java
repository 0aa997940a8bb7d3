package dev.cairn.cli.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn inventory ...} through the real command line on the example fleet. */
class InventoryCommandTest {

  private static final String FLEET = "../inventory/examples/fleet.yml";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void hosts_pattern_printsOneHostPerLine() {
    CliRun run = CliRun.of("inventory", "hosts", "-i", FLEET, "db:&staging:lab-store-a");

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("lab-db01\nlab-store-a\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void hosts_noMatch_printsNothingWarnsAndSucceeds() {
    CliRun run = CliRun.of("inventory", "hosts", "-i", FLEET, "nomatch");

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("[WARNING]: Could not match supplied host pattern, ignoring:"
        + " nomatch");
  }

  @Test
  void hosts_json_printsPatternHostsAndWarnings() throws Exception {
    CliRun run = CliRun.of("inventory", "hosts", "-i", FLEET, "south_app[-1]", "--json");

    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("hosts").toString()).isEqualTo("[\"s-app19\"]");
    assertThat(json.get("pattern").asText()).isEqualTo("south_app[-1]");
  }

  @Test
  void hosts_invalidRegex_failsWithoutStackTrace() {
    CliRun run = CliRun.of("inventory", "hosts", "-i", FLEET, "~(web");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: Invalid host list pattern: ~(web").doesNotContain(
        "\tat ");
  }

  @Test
  void vars_host_printsMergedVariablesAsJson() throws Exception {
    CliRun run = CliRun.of("inventory", "vars", "-i", FLEET, "s-edge01");

    JsonNode vars = JSON.readTree(run.out());
    assertThat(vars.get("ansible_port").asInt()).isEqualTo(2222);
    assertThat(vars.get("cairn_backup_policy").asText()).isEqualTo("none");
    assertThat(vars.get("cairn_labels").get("site").asText()).isEqualTo("south");
  }

  @Test
  void vars_origins_namesFileAndLine() throws Exception {
    CliRun run = CliRun.of("inventory", "vars", "-i", FLEET, "n-db01", "--origins");

    assertThat(JSON.readTree(run.out()).get("cairn_schedules").asText())
        .isEqualTo("../inventory/examples/host_vars/n-db01.yml:16");
  }

  @Test
  void vars_unknownHost_failsWithAdvice() {
    CliRun run = CliRun.of("inventory", "vars", "-i", FLEET, "n-db99");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("error: host 'n-db99' is not in the inventory; 'cairn"
        + " inventory hosts -i PATH all' lists the hosts it defines\n");
  }

  @Test
  void graph_json_givesTheTree() throws Exception {
    CliRun run = CliRun.of("inventory", "graph", "-i", FLEET, "site_east", "--json");

    JsonNode tree = JSON.readTree(run.out());
    assertThat(tree.get("group").asText()).isEqualTo("site_east");
    assertThat(tree.get("children")).hasSize(4);
    assertThat(tree.get("children").get(0).get("hosts").toString()).isEqualTo("[\"e-db01\"]");
  }

  @Test
  void desired_host_printsTheDocumentTheAgentGets() throws Exception {
    CliRun run = CliRun.of("inventory", "desired", "-i", FLEET, "n-db01");

    JsonNode state = JSON.readTree(run.out());
    assertThat(state.get("node").asText()).isEqualTo("n-db01");
    assertThat(state.get("schemaVersion").asInt()).isEqualTo(1);
  }

  @Test
  void desired_invalidVariables_listsEveryProblemAndFails() throws Exception {
    Files.writeString(dir.resolve("hosts"), "h1 cairn_drift=maybe cairn_base_dir=relative\n");

    CliRun run = CliRun.of("inventory", "desired", "-i", dir.resolve("hosts").toString(), "h1");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).contains("hosts:1: cairn_drift: must be one of repair, report")
        .contains("hosts:1: cairn_base_dir: must be an absolute directory");
  }

  @Test
  void check_brokenInventory_failsWithFileAndLine() throws Exception {
    Files.writeString(dir.resolve("hosts"), "[a:children]\nmissing\n");

    CliRun run = CliRun.of("inventory", "check", "-i", dir.resolve("hosts").toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("error: " + dir.resolve("hosts") + ":2: Section"
        + " [a:children] includes undefined group: missing (declare it with a [missing]"
        + " section)\n");
  }

  @Test
  void check_json_reportsCountsAndNoProblems() throws Exception {
    CliRun run = CliRun.of("inventory", "check", "-i", FLEET, "--json");

    JsonNode report = JSON.readTree(run.out());
    assertThat(run.status()).isZero();
    assertThat(report.get("hosts").asInt()).isEqualTo(52);
    assertThat(report.get("problems")).isEmpty();
  }

  @Test
  void inventory_withoutSubcommand_isAUsageError() {
    assertThat(CliRun.of("inventory").status()).isEqualTo(2);
    assertThat(CliRun.of("inventory", "hosts", "all").err()).contains("-i");
  }
}
