package dev.cairn.inventory.pattern;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Selects hosts with an Ansible host pattern ({@code all}, {@code *}, names, groups,
 * {@code a:b}, {@code a,b}, {@code a:&b}, {@code a:!b}, wildcards, {@code ~regex}, subscripts).
 * A term matching group names selects their hosts; a term that matches no group, or contains a
 * wildcard, {@code .} or {@code ~}, also selects hosts by name. Stateless and thread-safe.
 */
public final class HostPatternEvaluator {

  private HostPatternEvaluator() {}

  /** The hosts {@code pattern} selects in {@code scope}, with Ansible's warnings. */
  public static PatternResult evaluate(PatternScope scope, String pattern)
      throws InvalidPatternException {
    List<String> warnings = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    for (String term : HostPattern.terms(pattern)) {
      if (scope.hasHost(term)) {
        hosts.add(term);
        continue;
      }
      Optional<List<String>> matched = matchTerm(scope, term, warnings);
      if (matched.isEmpty()) {
        return new PatternResult(List.of(), warnings);
      }
      Set<String> that = new LinkedHashSet<>(matched.get());
      if (term.startsWith("!")) {
        hosts.removeIf(that::contains);
      } else if (term.startsWith("&")) {
        hosts.removeIf(h -> !that.contains(h));
      } else {
        hosts.addAll(that);
      }
    }
    List<String> unique = new ArrayList<>(new LinkedHashSet<>(hosts));
    if (unique.isEmpty()) {
      warnings.add("No hosts matched the pattern '" + pattern + "'");
    }
    return new PatternResult(unique, warnings);
  }

  /** The hosts one term selects, ignoring its & or ! prefix; empty on a subscript miss. */
  private static Optional<List<String>> matchTerm(
      PatternScope scope, String term, List<String> warnings) throws InvalidPatternException {
    String bare = term.startsWith("&") || term.startsWith("!") ? term.substring(1) : term;
    if (bare.isEmpty()) {
      return Optional.of(List.of());
    }
    Optional<PatternSubscript> subscript = PatternSubscript.of(bare, warnings);
    String expression = subscript.map(PatternSubscript::expression).orElse(bare);
    List<String> hosts = enumerate(scope, expression, warnings);
    if (subscript.isEmpty()) {
      return Optional.of(hosts);
    }
    Optional<List<String>> selected = subscript.get().apply(hosts);
    if (selected.isEmpty()) {
      warnings.add("No hosts matched the subscripted pattern '" + bare + "'");
    }
    return selected;
  }

  private static List<String> enumerate(
      PatternScope scope, String expression, List<String> warnings)
      throws InvalidPatternException {
    Pattern matcher = compile(expression);
    boolean regex = expression.startsWith("~");
    List<String> results = new ArrayList<>();
    boolean groupMatched = false;
    for (String group : scope.groupNames()) {
      if (matches(matcher, regex, group)) {
        groupMatched = true;
        results.addAll(scope.hostsOf(group));
      }
    }
    if (!groupMatched || regex || expression.chars().anyMatch(c -> ".?*[".indexOf(c) >= 0)) {
      for (String host : scope.hostNames()) {
        if (matches(matcher, regex, host)) {
          results.add(host);
        }
      }
    }
    if (results.isEmpty() && !groupMatched && !expression.equals("all")) {
      warnings.add("Could not match supplied host pattern, ignoring: " + expression);
    }
    // Duplicates stay until after the subscript, as in Ansible (g*[2] counts them).
    return results;
  }

  private static Pattern compile(String expression) throws InvalidPatternException {
    if (!expression.startsWith("~")) {
      return GlobPattern.compile(expression);
    }
    try {
      return Pattern.compile(expression.substring(1));
    } catch (PatternSyntaxException e) {
      throw new InvalidPatternException(
          "Invalid host list pattern: " + expression + " (" + e.getDescription() + ")");
    }
  }

  /** Globs match whole names; a {@code ~regex} matches from the start, like Python's re.match. */
  private static boolean matches(Pattern matcher, boolean regex, String name) {
    return regex ? matcher.matcher(name).lookingAt() : matcher.matcher(name).matches();
  }
}
