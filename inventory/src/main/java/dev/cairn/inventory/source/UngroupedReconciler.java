package dev.cairn.inventory.source;

import dev.cairn.inventory.source.InventoryBuilder.GroupDraft;
import dev.cairn.inventory.source.InventoryBuilder.HostDraft;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's rule for the implicit group {@code ungrouped}: a host that belongs to no group but
 * {@code all} is put in it; a host that was put in it but belongs to another group too is taken
 * out of it.
 */
final class UngroupedReconciler {

  private final Map<String, GroupDraft> groups;
  private final Map<String, HostDraft> hosts;

  UngroupedReconciler(Map<String, GroupDraft> groups, Map<String, HostDraft> hosts) {
    this.groups = groups;
    this.hosts = hosts;
  }

  void reconcile() {
    GroupDraft ungrouped = groups.get("ungrouped");
    for (HostDraft host : hosts.values()) {
      Set<String> all = withAncestors(host.groups);
      if (host.groups.contains("ungrouped")) {
        all.remove("all");
        all.remove("ungrouped");
        if (!all.isEmpty()) {
          host.groups.remove("ungrouped");
          ungrouped.hosts.remove(host.name);
        }
      } else if (host.groups.isEmpty() || host.groups.equals(List.of("all"))) {
        host.groups.add("ungrouped");
        ungrouped.hosts.add(host.name);
      }
    }
  }

  private Set<String> withAncestors(List<String> direct) {
    Set<String> result = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(direct);
    while (!todo.isEmpty()) {
      String g = todo.pop();
      if (result.add(g)) {
        todo.addAll(groups.get(g).parents);
      }
    }
    return result;
  }
}
