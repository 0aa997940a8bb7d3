package dev.cairn.inventory.pattern;

import dev.cairn.inventory.address.HostAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host pattern split into its terms as Ansible splits it: on commas if there are any, otherwise
 * on colons (unless the whole pattern is a host address such as {@code fe80::1} or
 * {@code web01:22}) and blanks, keeping {@code [..]} subscripts whole. Terms are then ordered
 * plain first, {@code &}-intersections next, {@code !}-exclusions last; with no plain term,
 * {@code all} is implied.
 */
public final class HostPattern {

  private static final Pattern COLON_TERM = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^\\]]*\\])+");

  private HostPattern() {}

  /** The terms of {@code pattern} in the order Ansible applies them. */
  public static List<String> terms(String pattern) {
    List<String> regular = new ArrayList<>();
    List<String> intersections = new ArrayList<>();
    List<String> exclusions = new ArrayList<>();
    for (String term : split(pattern)) {
      if (term.startsWith("!")) {
        exclusions.add(term);
      } else if (term.startsWith("&")) {
        intersections.add(term);
      } else {
        regular.add(term);
      }
    }
    if (regular.isEmpty()) {
      regular.add("all");
    }
    List<String> ordered = new ArrayList<>(regular);
    ordered.addAll(intersections);
    ordered.addAll(exclusions);
    return List.copyOf(ordered);
  }

  /** The terms of {@code pattern} in written order, blanks trimmed and empty terms dropped. */
  static List<String> split(String pattern) {
    List<String> parts = new ArrayList<>();
    if (pattern.contains(",")) {
      parts.addAll(List.of(pattern.split(",", -1)));
    } else if (HostAddress.parse(pattern, true).isPresent()) {
      parts.add(pattern);
    } else {
      Matcher m = COLON_TERM.matcher(pattern);
      while (m.find()) {
        parts.add(m.group());
      }
    }
    List<String> terms = new ArrayList<>();
    for (String part : parts) {
      String term = part.strip();
      if (!term.isEmpty()) {
        terms.add(term);
      }
    }
    return terms;
  }
}
