package dev.cairn.inventory.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.inventory.Fixtures;
import dev.cairn.inventory.HostSelection;
import dev.cairn.inventory.Inventory;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Splitting and ordering of pattern terms, globs, and the warnings Ansible prints. */
class HostPatternTest {

  static Stream<Arguments> splits() {
    return Stream.of(
        Arguments.of("a:b", List.of("a", "b")),
        Arguments.of("a,b[1], c[2:3] , d", List.of("a", "b[1]", "c[2:3]", "d")),
        Arguments.of("a:b[1:2]:&c", List.of("a", "b[1:2]", "&c")),
        Arguments.of("fe80::1", List.of("fe80::1")),
        Arguments.of("db:22", List.of("db:22")),
        Arguments.of("web db", List.of("web", "db")),
        Arguments.of("a,,b", List.of("a", "b")),
        Arguments.of("", List.of()));
  }

  @ParameterizedTest(name = "''{0}''")
  @MethodSource("splits")
  void split_pattern_givesAnsiblesTerms(String pattern, List<String> terms) {
    assertThat(HostPattern.split(pattern)).containsExactlyElementsOf(terms);
  }

  @Test
  void terms_mixed_regularThenIntersectionsThenExclusions() {
    assertThat(HostPattern.terms("!x:a:&b:c:!y")).containsExactly("a", "c", "&b", "!x", "!y");
    assertThat(HostPattern.terms("!x")).containsExactly("all", "!x");
  }

  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource(delimiter = '|', value = {
      "web*|web01|true", "web*|db01|false", "w?b|web|true", "w[!e]b|web|false",
      "w[a-f]b|web|true", "[z-a]x|ax|false", "x[|x[|true", "a.b|a.b|true", "a.b|axb|false",
      "[]]|]|true", "[a-]|-|true", "*|anything|true", "node-0[1-3]|node-04|false",
      "[!3-1]|x|true", "[!3-1]|2|true", "[!z-a]x|zx|true", "[!3-1a]|a|false", "[!3-1a]|b|true"})
  void compile_glob_matchesLikeFnmatch(String glob, String name, boolean matches) {
    assertThat(GlobPattern.compile(glob).matcher(name).matches()).isEqualTo(matches);
  }

  @Test
  void hosts_invalidRegex_failsNamingThePattern() throws Exception {
    Inventory inv = Fixtures.load("nested.yml");

    assertThatThrownBy(() -> inv.hosts("~(web")).isInstanceOf(InvalidPatternException.class)
        .hasMessageContaining("~(web");
  }

  @Test
  void hosts_noMatch_isEmptyWithAnsiblesWarning() throws Exception {
    HostSelection s = Fixtures.load("nested.yml").hosts("nomatch:zed");

    assertThat(s.hosts()).containsExactly("z1");
    assertThat(s.warnings()).containsExactly(
        "Could not match supplied host pattern, ignoring: nomatch");
  }

  @Test
  void hosts_subscriptOutOfRange_selectsNothingAtAllWithWarning() throws Exception {
    HostSelection s = Fixtures.load("nested.yml").hosts("zed:site_a[9]");

    assertThat(s.hosts()).isEmpty();
    assertThat(s.warnings()).contains("No hosts matched the subscripted pattern 'site_a[9]'");
  }

  @Test
  void hosts_legacyDashSubscript_warnsLikeAnsible() throws Exception {
    HostSelection s = Fixtures.load("nested.yml").hosts("site_a[1-2]");

    assertThat(s.hosts()).containsExactly("a-web1", "a-db1");
    assertThat(s.warnings()).anyMatch(w -> w.contains("[x:y] inclusive subscripts"));
  }
}
