package dev.cairn.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges one host's variables in Ansible's default order of precedence (lowest first): the
 * {@code all} group's inventory vars, every other group's inventory vars, {@code group_vars/all},
 * every other group's {@code group_vars/} files, the host's inventory vars, its
 * {@code host_vars/} files. Groups are taken by depth (parents before children), then
 * {@code ansible_group_priority}, then name; a later value replaces an earlier one whole.
 */
final class HostVarsResolver {

  private static final Comparator<Group> ORDER =
      Comparator.comparingInt(Group::depth)
          .thenComparingInt(Group::priority)
          .thenComparing(Group::name);

  private HostVarsResolver() {}

  static Variables resolve(Inventory inventory, Host host) {
    Group all = inventory.group("all").orElseThrow();
    List<Group> groups = new ArrayList<>();
    for (String name : inventory.ancestorsOf(host)) {
      if (!name.equals("all")) {
        groups.add(inventory.group(name).orElseThrow());
      }
    }
    groups.sort(ORDER);
    Variables result = all.vars();
    for (Group g : groups) {
      result = result.overriddenBy(g.vars());
    }
    result = result.overriddenBy(all.fileVars());
    for (Group g : groups) {
      result = result.overriddenBy(g.fileVars());
    }
    return result.overriddenBy(host.vars()).overriddenBy(host.fileVars());
  }
}
