package dev.cairn.inventory.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** YAML scalars typed as PyYAML (Ansible's loader) types them; expectations from PyYAML. */
class YamlDocumentTest {

  static Stream<Arguments> scalars() {
    return Stream.of(
        Arguments.of("0755", 493L),
        Arguments.of("08", "08"),
        Arguments.of("1_000", 1000L),
        Arguments.of("0x1F", 31L),
        Arguments.of("0b101", 5L),
        Arguments.of("1:20", 80L),
        Arguments.of("1.5e3", "1.5e3"),
        Arguments.of("1.5e+3", 1500.0),
        Arguments.of("1.", 1.0),
        Arguments.of(".5", 0.5),
        Arguments.of("-.inf", Double.NEGATIVE_INFINITY),
        Arguments.of("yes", true),
        Arguments.of("Off", false),
        Arguments.of("y", "y"),
        Arguments.of("~", null),
        Arguments.of("null", null),
        Arguments.of("2024-01-31", "2024-01-31"),
        Arguments.of("+12", 12L),
        Arguments.of("-0", 0L),
        Arguments.of("1_0.5", 10.5),
        Arguments.of("190:20:30.15", 685230.15),
        Arguments.of("00", 0L),
        Arguments.of("0o17", "0o17"),
        Arguments.of("'0755'", "0755"),
        Arguments.of("0_7", 7L),
        Arguments.of("0b", "0b"),
        Arguments.of("!!str 12", "12"),
        Arguments.of("!unsafe '{{ x }}'", "{{ x }}"),
        Arguments.of("123456789012345678901234567890",
            new BigInteger("123456789012345678901234567890")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scalars")
  void value_plainScalar_isTypedAsYaml11(String scalar, Object expected) throws Exception {
    assertThat(valueOf("v: " + scalar)).isEqualTo(expected);
  }

  @Test
  void value_jsonDocument_isReadAsJson() throws Exception {
    Map<?, ?> doc = (Map<?, ?>) parse("{\"n\": 1e3, \"s\": \"yes\", \"b\": true}");

    assertThat(doc.get("n")).isEqualTo(1000.0);
    assertThat(doc.get("s")).isEqualTo("yes");
    assertThat(doc.get("b")).isEqualTo(true);
  }

  @Test
  void value_flowMappingThatIsNotJson_isReadAsYaml11() throws Exception {
    Map<?, ?> doc = (Map<?, ?>) parse("{a: yes, b: 1e3}");

    assertThat(doc.get("a")).isEqualTo(true);
    assertThat(doc.get("b")).isEqualTo("1e3");
  }

  @Test
  void value_mergeKeys_ownKeysWin() throws Exception {
    Map<?, ?> doc = (Map<?, ?>) parse("d: &d {a: 1, b: 2}\nm:\n  <<: *d\n  b: 3\n");

    assertThat(doc.get("m")).isEqualTo(Map.of("a", 1L, "b", 3L));
  }

  @Test
  void value_duplicateKey_lastWinsWithWarning() throws Exception {
    List<String> warnings = new ArrayList<>();
    YamlDocument.Parsed p = YamlDocument.parse("f.yml", "a: 1\nb: 2\na: 3\n", warnings::add);

    Map<?, ?> doc = (Map<?, ?>) p.reader().value(p.root().orElseThrow());

    assertThat(doc).isEqualTo(Map.of("a", 3L, "b", 2L));
    assertThat(doc.keySet().stream().map(Object::toString).toList()).containsExactly("a", "b");
    assertThat(warnings).singleElement().asString().startsWith("f.yml:3:").contains("(a)");
  }

  @Test
  void parse_badYaml_failsWithLine() {
    assertThatThrownBy(() -> parse("all:\n  hosts:\n    a: [1, 2\n  vars: {}\n"))
        .isInstanceOf(SyntaxException.class)
        .satisfies(e -> assertThat(((SyntaxException) e).line()).isBetween(3, 5));
  }

  @Test
  void value_vaultTag_failsWithAdvice() {
    assertThatThrownBy(() -> parse("secret: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162\n"))
        .isInstanceOf(SyntaxException.class)
        .hasMessageContaining("Ansible Vault")
        .satisfies(e -> assertThat(((SyntaxException) e).line()).isEqualTo(1));
  }

  @Test
  void value_values_areUnmodifiable() throws Exception {
    Map<?, ?> doc = (Map<?, ?>) parse("l: [1]\nm: {a: 1}\n");

    assertThatThrownBy(() -> ((List<?>) doc.get("l")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((Map<?, ?>) doc.get("m")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static Object valueOf(String yaml) throws Exception {
    return ((Map<?, ?>) parse(yaml)).get("v");
  }

  private static Object parse(String yaml) throws Exception {
    YamlDocument.Parsed p = YamlDocument.parse("test.yml", yaml, w -> { });
    return p.reader().value(p.root().orElseThrow());
  }
}
