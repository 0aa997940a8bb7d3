package dev.cairn.inventory;

import java.util.List;

/**
 * The hosts a pattern selected, in inventory order without duplicates, and the warnings raised
 * while selecting (a pattern that matches nothing gives no hosts and a warning).
 */
public record HostSelection(String pattern, List<String> hosts, List<String> warnings) {
  public HostSelection {
    hosts = List.copyOf(hosts);
    warnings = List.copyOf(warnings);
  }

  /** Whether nothing was selected. */
  public boolean isEmpty() {
    return hosts.isEmpty();
  }
}
