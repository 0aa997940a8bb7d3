package dev.cairn.inventory;

import java.util.List;

/**
 * A group of the inventory. Immutable.
 *
 * @param name the group name
 * @param children child groups in the order they were added
 * @param hosts hosts listed directly in this group, in order
 * @param vars variables set in the inventory sources ({@code vars:}, {@code [g:vars]})
 * @param fileVars variables from {@code group_vars/}
 * @param priority {@code ansible_group_priority} (default 1), only from inventory sources
 * @param depth length of the longest path from {@code all} (0 for {@code all})
 * @param origin where the group was first defined
 */
public record Group(
    String name,
    List<String> children,
    List<String> hosts,
    Variables vars,
    Variables fileVars,
    int priority,
    int depth,
    Origin origin) {

  public Group {
    children = List.copyOf(children);
    hosts = List.copyOf(hosts);
  }
}
