package dev.cairn.inventory.pattern;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subscript at the end of a pattern term, with Ansible's semantics: {@code g[0]} the first host,
 * {@code g[-1]} the last, {@code g[1:3]} the second to fourth (both ends included),
 * {@code g[2:]} from the third to the end. A single index out of range selects nothing and makes
 * the whole pattern select nothing (Ansible aborts the selection).
 *
 * @param expression the term without its subscript
 * @param start first index (may be negative for a single index)
 * @param end last index, included; {@code null} for a single index; {@code -1} for "to the end"
 */
record PatternSubscript(String expression, int start, Integer end) {

  private static final Pattern WITH_SUBSCRIPT =
      Pattern.compile("(.+)\\[(?:(-?[0-9]+)|([0-9]+)([:-])([0-9]*))\\]", Pattern.DOTALL);

  /** Splits a subscript off {@code term}; {@code ~regex} terms never have one. */
  static Optional<PatternSubscript> of(String term, List<String> warnings) {
    if (term.startsWith("~")) {
      return Optional.empty();
    }
    Matcher m = WITH_SUBSCRIPT.matcher(term);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      if (m.group(2) != null) {
        return Optional.of(new PatternSubscript(m.group(1), Integer.parseInt(m.group(2)), null));
      }
      if (m.group(4).equals("-")) {
        warnings.add("Use [x:y] inclusive subscripts instead of [x-y] which has been removed");
      }
      int end = m.group(5).isEmpty() ? -1 : Integer.parseInt(m.group(5));
      return Optional.of(new PatternSubscript(m.group(1), Integer.parseInt(m.group(3)), end));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The selected hosts; empty optional when a single index is out of range. As in Ansible, an
   * end of 0 ({@code g[3:0]}) makes it a single index.
   */
  Optional<List<String>> apply(List<String> hosts) {
    if (hosts.isEmpty()) {
      return Optional.of(hosts);
    }
    int size = hosts.size();
    if (end == null || end == 0) {
      int index = start < 0 ? size + start : start;
      if (index < 0 || index >= size) {
        return Optional.empty();
      }
      return Optional.of(List.of(hosts.get(index)));
    }
    int last = end == -1 ? size - 1 : end;
    int from = Math.min(start, size);
    int to = Math.min(last + 1, size);
    return Optional.of(from >= to ? List.of() : hosts.subList(from, to));
  }
}
