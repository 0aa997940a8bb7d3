package dev.cairn.inventory.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.inventory.Fixtures;
import dev.cairn.inventory.HostSelection;
import dev.cairn.inventory.Inventory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of patterns.tsv: the pattern selects exactly the hosts Ansible selects. */
class HostPatternTableTest {

  private static final Map<String, Inventory> LOADED = new HashMap<>();

  static Stream<Arguments> rows() {
    return Fixtures.table(Fixtures.class, "pattern/patterns.tsv").stream()
        .map(r -> Arguments.of(r[0], Fixtures.pattern(r[1]), Fixtures.hosts(r[2])));
  }

  @ParameterizedTest(name = "{0}: ''{1}''")
  @MethodSource("rows")
  void hosts_tablePattern_selectsAnsiblesHostsInOrder(
      String inventory, String pattern, List<String> expected) throws Exception {
    Inventory inv = LOADED.computeIfAbsent(inventory, name -> {
      try {
        return Fixtures.load(name);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    HostSelection selection = inv.hosts(pattern);

    assertThat(selection.hosts()).containsExactlyElementsOf(expected);
    if (expected.isEmpty()) {
      assertThat(selection.warnings()).as("a pattern matching nothing warns").isNotEmpty();
    }
  }
}
