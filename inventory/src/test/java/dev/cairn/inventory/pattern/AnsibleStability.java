package dev.cairn.inventory.pattern;

import dev.cairn.inventory.Inventory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells whether Ansible prints a pattern's hosts in a fixed order. Ansible walks a group's
 * descendants generation by generation through a Python set, so when two or more groups of one
 * generation bring new child groups, the order of their hosts varies between runs (and a
 * subscript may pick other hosts). Comparisons with Ansible use exact order only when it is fixed.
 */
public final class AnsibleStability {

  private AnsibleStability() {}

  /** How far a pattern's result can be compared with Ansible's. */
  public enum Level {
    /** Same hosts in the same order. */
    ORDER,
    /** Same hosts, order may vary. */
    SET,
    /** Only the number of hosts (a subscript over a varying order). */
    COUNT
  }

  public static Level of(Inventory inventory, String pattern) {
    Level level = Level.ORDER;
    for (String term : HostPattern.terms(pattern)) {
      String bare = term.startsWith("&") || term.startsWith("!") ? term.substring(1) : term;
      if (bare.isEmpty() || inventory.hasHost(term)) {
        continue;
      }
      List<String> ignored = new ArrayList<>();
      Optional<PatternSubscript> subscript = PatternSubscript.of(bare, ignored);
      String expression = subscript.map(PatternSubscript::expression).orElse(bare);
      boolean regex = expression.startsWith("~");
      Pattern p = regex ? Pattern.compile(expression.substring(1)) : GlobPattern.compile(expression);
      for (String group : inventory.groupNames()) {
        boolean matched = regex ? p.matcher(group).lookingAt() : p.matcher(group).matches();
        if (matched && !stable(inventory, group)) {
          level = subscript.isPresent() ? Level.COUNT : level == Level.COUNT ? level : Level.SET;
        }
      }
    }
    return level;
  }

  /** Whether Ansible's walk of {@code group}'s descendants has a fixed order. */
  static boolean stable(Inventory inventory, String group) {
    Set<String> seen = new HashSet<>();
    Set<String> unprocessed = new LinkedHashSet<>(children(inventory, group));
    unprocessed.add(group);
    while (!unprocessed.isEmpty()) {
      seen.addAll(unprocessed);
      Set<String> next = new LinkedHashSet<>();
      int contributors = 0;
      for (String g : unprocessed) {
        boolean brings = false;
        for (String child : children(inventory, g)) {
          if (!seen.contains(child)) {
            next.add(child);
            brings = true;
          }
        }
        contributors += brings ? 1 : 0;
      }
      if (contributors > 1) {
        return false;
      }
      unprocessed = next;
    }
    return true;
  }

  private static List<String> children(Inventory inventory, String group) {
    return inventory.group(group).map(g -> g.children()).orElse(List.of());
  }
}
