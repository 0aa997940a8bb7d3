package dev.cairn.inventory.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Host lines split as Python's shlex.split(line, comments=True) splits them. */
class ShellWordsTest {

  static Stream<Arguments> lines() {
    return Stream.of(
        Arguments.of("h1 a=1 b=\"x y\" c='q r'", List.of("h1", "a=1", "b=x y", "c=q r")),
        Arguments.of("h1 x=a#b", List.of("h1", "x=a")),
        Arguments.of("h1 x=\"a#b\"", List.of("h1", "x=a#b")),
        Arguments.of("h1 #c", List.of("h1")),
        Arguments.of("h1 x=a\\ b", List.of("h1", "x=a b")),
        Arguments.of("h1 x=\"a\\\"b\"", List.of("h1", "x=a\"b")),
        Arguments.of("h1 x=\"a\\nb\"", List.of("h1", "x=a\\nb")),
        Arguments.of("h1 x='a\\nb'", List.of("h1", "x=a\\nb")),
        Arguments.of("h1 x=\"\"", List.of("h1", "x=")),
        Arguments.of("h1 x=''y", List.of("h1", "x=y")),
        Arguments.of("h1\tx=1", List.of("h1", "x=1")),
        Arguments.of("h1 x=\"a\"b\"c\"", List.of("h1", "x=abc")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lines")
  void split_hostLine_givesShlexWords(String line, List<String> expected) throws Exception {
    assertThat(ShellWords.split(line)).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"h1 x=\"unterminated", "h1 x='open", "h1 x=\\"})
  void split_unbalancedQuoteOrTrailingBackslash_fails(String line) {
    assertThatThrownBy(() -> ShellWords.split(line)).isInstanceOf(SyntaxException.class)
        .hasMessageMatching("No closing quotation|No escaped character");
  }
}
