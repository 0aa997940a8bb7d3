package dev.cairn.inventory.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Host ranges expanded as Ansible's expand_hostname_range expands them. */
class HostRangeTest {

  static Stream<Arguments> ranges() {
    return Stream.of(
        Arguments.of("node[01:03]", List.of("node01", "node02", "node03")),
        Arguments.of("node[8:10]", List.of("node8", "node9", "node10")),
        Arguments.of("rack-[a:c]", List.of("rack-a", "rack-b", "rack-c")),
        Arguments.of("x[y:B]", List.of("xy", "xz", "xA", "xB")),
        Arguments.of("n[1:10:4]", List.of("n1", "n5", "n9")),
        Arguments.of("s[01:07:3].lan", List.of("s01.lan", "s04.lan", "s07.lan")),
        Arguments.of("n[:2]", List.of("n0", "n1", "n2")),
        Arguments.of("r[1:2]-n[a:b]", List.of("r1-na", "r1-nb", "r2-na", "r2-nb")),
        Arguments.of("h[a:e:2]", List.of("ha", "hc", "he")),
        Arguments.of("n[098:101]", List.of("n098", "n099", "n100", "n101")),
        Arguments.of("plain", List.of("plain")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ranges")
  void expand_range_givesAnsiblesHostNames(String pattern, List<String> expected)
      throws Exception {
    assertThat(HostRange.expand(pattern)).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "h[1:a]|must be a number or a letter",
      "h[01:100]|equal-length begin and end",
      "h[1]|begin:end or begin:end:step",
      "h[1:2:3:4]|begin:end or begin:end:step",
      "h[1:]|must specify end value",
      "h[c:a]|begin <= end",
      "h[3:1]|range is empty",
      "h[1:5:0]|step of a host range must be 1 or more",
      "h[1:5:x]|step of a host range must be a number",
      "h[1:3|without a matching ']'",
      "h[0:2000000000]|more than 100000 hosts",
      "r[0:999]h[0:999]|more than 100000 hosts"})
  void expand_badRange_failsSayingWhy(String pattern, String problem) {
    assertThatThrownBy(() -> HostRange.expand(pattern))
        .isInstanceOf(HostRangeException.class)
        .hasMessageContaining(pattern)
        .hasMessageContaining(problem);
  }
}
