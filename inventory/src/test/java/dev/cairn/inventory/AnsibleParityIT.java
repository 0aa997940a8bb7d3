package dev.cairn.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.inventory.pattern.AnsibleStability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cairn against the real Ansible (ansible-core from Debian) on the test inventories and the
 * example fleet: the same group tree, the same groups and hosts, the same merged variables for
 * every host, and the same hosts for every pattern of patterns.tsv and of the pattern table of
 * docs/inventory.md (whose rows also hold what the document promises).
 */
class AnsibleParityIT {

  private static Path workDir;
  private static AnsibleReference ansible;
  private static final Map<String, Map<String, JsonNode>> PATTERNS = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    AnsibleReference.ansibleInventory();
    workDir = Files.createTempDirectory("cairn-ansible-parity");
    ansible = new AnsibleReference(workDir);
  }

  @AfterAll
  static void stop() throws Exception {
    try (Stream<Path> files = Files.walk(workDir)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"nested.yml", "values.ini", "order.ini", "types.yml", "precedence",
      "examples/fleet.yml", "examples/fleet.ini", "examples"})
  void graph_inventory_drawsTheSameTreeAsAnsibleInventoryGraph(String name) throws Exception {
    Inventory cairn = Fixtures.load(name);

    List<String> expected = ansible.graph(Fixtures.resolve(name).toAbsolutePath());

    assertThat(InventoryGraph.lines(cairn, "all")).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nested.yml", "values.ini", "order.ini", "types.yml", "precedence",
      "examples/fleet.yml", "examples/fleet.ini", "examples"})
  void vars_everyHost_equalsAnsibleInventoryList(String name) throws Exception {
    Inventory cairn = Fixtures.load(name);
    JsonNode list = ansible.list(Fixtures.resolve(name).toAbsolutePath());
    JsonNode hostvars = list.path("_meta").path("hostvars");

    Set<String> ansibleGroups = new HashSet<>();
    list.fieldNames().forEachRemaining(ansibleGroups::add);
    ansibleGroups.remove("_meta");
    for (String group : ansibleGroups) {
      Group g = cairn.group(group).orElseThrow(() -> new AssertionError("no group " + group));
      if (!group.equals("all")) { // ansible-inventory --list does not show all's own hosts
        assertThat(g.hosts()).as("hosts of " + group)
            .containsExactlyElementsOf(AnsibleReference.texts(list.get(group).get("hosts")));
      }
      assertThat(g.children()).as("children of " + group)
          .containsExactlyElementsOf(AnsibleReference.texts(list.get(group).get("children")));
    }
    for (Group g : cairn.groups()) {
      if (!g.hosts().isEmpty() || !g.children().isEmpty()) {
        assertThat(ansibleGroups).as("groups Ansible lists").contains(g.name());
      }
    }
    for (String host : cairn.hostNames()) {
      JsonNode expected = hostvars.has(host) ? hostvars.get(host) : AnsibleReference.JSON
          .createObjectNode();
      JsonNode actual = AnsibleReference.JSON.readTree(
          AnsibleReference.JSON.writeValueAsString(cairn.vars(host)));
      assertThat(actual).as("vars of " + host).isEqualTo(expected);
    }
  }

  static Stream<Arguments> patternRows() {
    List<Arguments> rows = new ArrayList<>();
    for (String[] r : Fixtures.table(Fixtures.class, "pattern/patterns.tsv")) {
      rows.add(Arguments.of(r[0], Fixtures.pattern(r[1]), Fixtures.hosts(r[2])));
    }
    try {
      for (DocPatternExamples.Row r : DocPatternExamples.rows()) {
        if (r.count() == null) {
          rows.add(Arguments.of(r.inventory(), r.pattern(), r.hosts()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}: ''{1}''")
  @MethodSource("patternRows")
  void hosts_pattern_selectsWhatAnsibleSelects(
      String name, String pattern, List<String> tableExpectation) throws Exception {
    Inventory cairn = Fixtures.load(name);
    Map<String, JsonNode> results = PATTERNS.get(name);
    if (results == null) {
      List<String> patterns = patternRows().map(a -> a.get())
          .filter(a -> a[0].equals(name)).map(a -> (String) a[1]).distinct().toList();
      results = ansible.patterns(Fixtures.resolve(name).toAbsolutePath(), patterns);
      PATTERNS.put(name, results);
    }
    JsonNode result = results.get(pattern);
    List<String> expected = result.isArray() ? AnsibleReference.texts(result) : List.of();

    List<String> actual = cairn.hosts(pattern).hosts();

    switch (AnsibleStability.of(cairn, pattern)) {
      case ORDER -> {
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(tableExpectation).containsExactlyElementsOf(expected);
      }
      case SET -> {
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(tableExpectation).containsExactlyInAnyOrderElementsOf(expected);
      }
      case COUNT -> assertThat(actual).hasSameSizeAs(expected);
    }
  }
}
