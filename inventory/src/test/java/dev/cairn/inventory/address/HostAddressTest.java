package dev.cairn.inventory.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Host entries split into names and port as Ansible's parse_address splits them. */
class HostAddressTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "none", value = {
      "web01|web01|none",
      "web01:2222|web01|2222",
      "node[01:02]:22|node01 node02|22",
      "10.0.0.1:2200|10.0.0.1|2200",
      "[2001:db8::1]:2200|2001:db8::1|2200",
      "2001:db8::2|2001:db8::2|none",
      "192.0.2.[1:2]|192.0.2.1 192.0.2.2|none",
      "host.example.com|host.example.com|none",
      "weird!name:22|weird!name:22|none"})
  void expand_entry_givesNamesAndPort(String entry, String names, Integer port) throws Exception {
    HostAddress.Expansion e = HostAddress.expand(entry);

    assertThat(e.names()).containsExactlyElementsOf(List.of(names.split(" ")));
    assertThat(e.port()).isEqualTo(port);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a:b", "web:db:!x", "-dash", "under_", "a b"})
  void parse_notAnAddress_isEmpty(String text) {
    assertThat(HostAddress.parse(text, true)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"fe80::1", "db:22", "web-servers", "n[1:3]"})
  void parse_address_isPresent(String text) {
    assertThat(HostAddress.parse(text, true)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"n[1:3]", "10.0.[1:2].1"})
  void parse_rangeWhenRangesNotAllowed_isEmpty(String text) {
    assertThat(HostAddress.parse(text, false)).isEmpty();
  }
}
