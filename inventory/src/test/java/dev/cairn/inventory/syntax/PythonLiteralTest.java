package dev.cairn.inventory.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.inventory.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** INI values read as Ansible reads them; expectations generated with ansible-core 2.14. */
class PythonLiteralTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> cases() throws Exception {
    return Fixtures.table(PythonLiteralTest.class, "python-literals.tsv").stream()
        .map(r -> Arguments.of(r[0], r[1]));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("cases")
  void valueOrText_iniValue_isWhatAnsibleReads(String inputJson, String expectedJson)
      throws Exception {
    String input = JSON.readValue(inputJson, String.class);

    Object value = PythonLiteral.valueOrText(input);

    assertThat(JSON.readTree(JSON.writeValueAsString(value)))
        .isEqualTo(JSON.readTree(expectedJson));
  }
}
