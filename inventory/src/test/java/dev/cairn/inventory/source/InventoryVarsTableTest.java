package dev.cairn.inventory.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.inventory.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both formats, table-driven: every row of vars.tsv is a host whose merged variables must equal
 * what {@code ansible-inventory --host} printed for it (YAML, INI, JSON and extensionless files,
 * group_vars/host_vars files and directories, precedence, priorities, ports, ranges).
 */
class InventoryVarsTableTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> rows() {
    return Fixtures.table(Fixtures.class, "source/vars.tsv").stream()
        .map(r -> Arguments.of(r[0], r[1], r[2]));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("rows")
  void vars_host_equalsAnsibleInventoryHost(String inventory, String host, String expected)
      throws Exception {
    Object vars = Fixtures.load(inventory).vars(host);

    assertThat(JSON.readTree(JSON.writeValueAsString(vars))).isEqualTo(JSON.readTree(expected));
  }
}
