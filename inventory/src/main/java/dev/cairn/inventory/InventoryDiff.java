package dev.cairn.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changes from one inventory version to the next, host by host: hosts and groups added and
 * removed, and for hosts in both, the groups they joined or left and the merged variables that
 * were added, removed or changed. Immutable.
 */
public record InventoryDiff(
    List<String> hostsAdded,
    List<String> hostsRemoved,
    List<String> groupsAdded,
    List<String> groupsRemoved,
    List<HostChange> hostsChanged) {

  public InventoryDiff {
    hostsAdded = List.copyOf(hostsAdded);
    hostsRemoved = List.copyOf(hostsRemoved);
    groupsAdded = List.copyOf(groupsAdded);
    groupsRemoved = List.copyOf(groupsRemoved);
    hostsChanged = List.copyOf(hostsChanged);
  }

  /** How one host present in both versions changed. */
  public record HostChange(
      String host, List<String> groupsJoined, List<String> groupsLeft, List<VarChange> vars) {
    public HostChange {
      groupsJoined = List.copyOf(groupsJoined);
      groupsLeft = List.copyOf(groupsLeft);
      vars = List.copyOf(vars);
    }
  }

  /** One merged variable of a host that changed; {@code before}/{@code after} null if absent. */
  public record VarChange(String name, Kind kind, Object before, Object after) {}

  /** Whether a variable appeared, disappeared or took another value. */
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }

  /** The changes that turn {@code before} into {@code after}. */
  public static InventoryDiff between(Inventory before, Inventory after)
      throws NoSuchHostException {
    List<HostChange> changed = new ArrayList<>();
    for (String host : after.hostNames()) {
      if (before.hasHost(host)) {
        HostChange change = hostChange(before, after, host);
        if (!change.groupsJoined().isEmpty() || !change.groupsLeft().isEmpty()
            || !change.vars().isEmpty()) {
          changed.add(change);
        }
      }
    }
    return new InventoryDiff(
        minus(after.hostNames(), before.hostNames()),
        minus(before.hostNames(), after.hostNames()),
        minus(after.groupNames(), before.groupNames()),
        minus(before.groupNames(), after.groupNames()),
        changed);
  }

  /** Whether the two versions are the same for every host. */
  public boolean isEmpty() {
    return hostsAdded.isEmpty() && hostsRemoved.isEmpty() && groupsAdded.isEmpty()
        && groupsRemoved.isEmpty() && hostsChanged.isEmpty();
  }

  private static HostChange hostChange(Inventory before, Inventory after, String host)
      throws NoSuchHostException {
    List<String> groupsBefore = before.groupNames(host);
    List<String> groupsAfter = after.groupNames(host);
    Map<String, Object> varsBefore = before.vars(host);
    Map<String, Object> varsAfter = after.vars(host);
    Set<String> names = new LinkedHashSet<>(varsBefore.keySet());
    names.addAll(varsAfter.keySet());
    List<VarChange> vars = new ArrayList<>();
    for (String name : names.stream().sorted().toList()) {
      boolean was = varsBefore.containsKey(name);
      boolean is = varsAfter.containsKey(name);
      Object b = varsBefore.get(name);
      Object a = varsAfter.get(name);
      if (was && !is) {
        vars.add(new VarChange(name, Kind.REMOVED, b, null));
      } else if (!was) {
        vars.add(new VarChange(name, Kind.ADDED, null, a));
      } else if (!Objects.equals(b, a)) {
        vars.add(new VarChange(name, Kind.CHANGED, b, a));
      }
    }
    return new HostChange(
        host, minus(groupsAfter, groupsBefore), minus(groupsBefore, groupsAfter), vars);
  }

  private static List<String> minus(List<String> a, List<String> b) {
    Set<String> drop = Set.copyOf(b);
    return a.stream().filter(x -> !drop.contains(x)).toList();
  }
}
