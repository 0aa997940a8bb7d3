package dev.cairn.controller.service;

import dev.cairn.controller.error.InvalidRequestException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Filters of {@code GET /api/v1/nodes?filter=}: {@code stale} (not heard from for longer than
 * allowed), {@code failing-backups} (a volume whose backup schedule failed last or is overdue),
 * {@code capacity-critical} (a volume with status critical in the latest report).
 */
public enum NodeFilter {
  STALE,
  FAILING_BACKUPS,
  CAPACITY_CRITICAL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses {@code a,b,...} (all must hold); null or blank is no filter. */
  public static Set<NodeFilter> parse(String text) throws InvalidRequestException {
    Set<NodeFilter> filters = EnumSet.noneOf(NodeFilter.class);
    if (text == null || text.isBlank()) {
      return filters;
    }
    for (String part : text.split(",")) {
      String name = part.strip();
      NodeFilter found = null;
      for (NodeFilter filter : values()) {
        if (filter.wireName().equals(name)) {
          found = filter;
        }
      }
      if (found == null) {
        throw new InvalidRequestException("Unknown node filter '" + name
            + "'; use stale, failing-backups or capacity-critical (comma-separated: all hold)");
      }
      filters.add(found);
    }
    return filters;
  }
}
