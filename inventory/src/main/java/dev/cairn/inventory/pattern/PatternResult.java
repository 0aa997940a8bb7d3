package dev.cairn.inventory.pattern;

import java.util.List;

/**
 * The hosts a pattern selects, in inventory order without duplicates, and the warnings Ansible
 * would print while selecting them (a part that matched nothing, a subscript out of range).
 */
public record PatternResult(List<String> hosts, List<String> warnings) {
  public PatternResult {
    hosts = List.copyOf(hosts);
    warnings = List.copyOf(warnings);
  }
}
