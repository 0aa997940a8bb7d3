package dev.cairn.inventory.pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A shell wildcard as Python's {@code fnmatch} reads it, translated to a regular expression that
 * must match a whole name, case-sensitively: {@code *} any text, {@code ?} one character,
 * {@code [abc]}, {@code [a-z]} and {@code [!abc]} one character of (or not of) a set; a
 * {@code [} without a closing {@code ]} is literal.
 */
final class GlobPattern {

  private GlobPattern() {}

  static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    int n = glob.length();
    while (i < n) {
      char c = glob.charAt(i++);
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else if (c == '[') {
        int j = i;
        if (j < n && glob.charAt(j) == '!') {
          j++;
        }
        if (j < n && glob.charAt(j) == ']') {
          j++;
        }
        while (j < n && glob.charAt(j) != ']') {
          j++;
        }
        if (j >= n) {
          regex.append("\\[");
        } else {
          regex.append(characterClass(glob.substring(i, j)));
          i = j + 1;
        }
      } else {
        regex.append(literal(c));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** The regex for the inside of {@code [...]}: literal characters and {@code a-z} ranges. */
  private static String characterClass(String set) {
    boolean negated = set.startsWith("!");
    String body = negated ? set.substring(1) : set;
    List<String> items = new ArrayList<>();
    int k = 0;
    while (k < body.length()) {
      char from = body.charAt(k);
      if (k + 2 < body.length() && body.charAt(k + 1) == '-') {
        char to = body.charAt(k + 2);
        if (from <= to) {
          items.add(literal(from) + "-" + literal(to));
        }
        k += 3;
      } else {
        items.add(literal(from));
        k++;
      }
    }
    if (items.isEmpty()) {
      // as fnmatch: a set left empty (nothing, or only reversed ranges such as 3-1) matches no
      // character, and its negation any character
      return negated ? "." : "(?!)";
    }
    return "[" + (negated ? "^" : "") + String.join("", items) + "]";
  }

  private static String literal(char c) {
    return String.format("\\x{%x}", (int) c);
  }
}
