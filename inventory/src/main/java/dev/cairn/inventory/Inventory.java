package dev.cairn.inventory;

import dev.cairn.inventory.pattern.HostPatternEvaluator;
import dev.cairn.inventory.pattern.InvalidPatternException;
import dev.cairn.inventory.pattern.PatternResult;
import dev.cairn.inventory.pattern.PatternScope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A loaded inventory: groups, hosts and their variables, as Ansible sees them once every source
 * is parsed. Selects hosts with host patterns ({@link #hosts(String)}) and merges a host's
 * variables by Ansible's precedence ({@link #vars(String)}). Immutable and thread-safe.
 */
public final class Inventory implements PatternScope {

  private final List<String> sources;
  private final Map<String, Group> groups;
  private final Map<String, Host> hosts;
  private final Map<String, List<String>> parents;
  private final List<String> warnings;

  private Inventory(
      List<String> sources, List<Group> groups, List<Host> hosts, List<String> warnings) {
    this.sources = List.copyOf(sources);
    this.warnings = List.copyOf(warnings);
    Map<String, Group> g = new LinkedHashMap<>();
    groups.forEach(group -> g.put(group.name(), group));
    Map<String, Host> h = new LinkedHashMap<>();
    hosts.forEach(host -> h.put(host.name(), host));
    Map<String, List<String>> p = new HashMap<>();
    for (Group group : groups) {
      for (String child : group.children()) {
        p.computeIfAbsent(child, k -> new ArrayList<>()).add(group.name());
      }
    }
    this.groups = Collections.unmodifiableMap(g);
    this.hosts = Collections.unmodifiableMap(h);
    this.parents = p;
    if (!this.groups.containsKey("all") || !this.groups.containsKey("ungrouped")) {
      throw new IllegalArgumentException("an inventory always has the groups all and ungrouped");
    }
  }

  /**
   * An inventory of these groups (in definition order, {@code all} and {@code ungrouped} first)
   * and hosts (in definition order). Readers build it; see {@code InventoryLoader}.
   */
  public static Inventory of(
      List<String> sources, List<Group> groups, List<Host> hosts, List<String> warnings) {
    return new Inventory(sources, groups, hosts, warnings);
  }

  /** The sources it was read from, as given. */
  public List<String> sources() {
    return sources;
  }

  /** Warnings raised while loading (the ones Ansible prints, and a few of Cairn's own). */
  public List<String> warnings() {
    return warnings;
  }

  /** Every group in definition order. */
  public List<Group> groups() {
    return List.copyOf(groups.values());
  }

  /** The group of this name. */
  public Optional<Group> group(String name) {
    return Optional.ofNullable(groups.get(name));
  }

  /** Every host in definition order. */
  public List<Host> hosts() {
    return List.copyOf(hosts.values());
  }

  /** The host of this name. */
  public Optional<Host> host(String name) {
    return Optional.ofNullable(hosts.get(name));
  }

  /** The hosts {@code pattern} selects, as {@code ansible -i INV PATTERN --list-hosts}. */
  public HostSelection hosts(String pattern) throws InvalidPatternException {
    PatternResult result = HostPatternEvaluator.evaluate(this, pattern);
    return new HostSelection(pattern, result.hosts(), result.warnings());
  }

  /** The host's variables merged by Ansible's precedence, as {@code ansible-inventory --host}. */
  public Map<String, Object> vars(String host) throws NoSuchHostException {
    return variables(host).values();
  }

  /** The host's merged variables with the file and line that set each one. */
  public Variables variables(String host) throws NoSuchHostException {
    Host h = hosts.get(host);
    if (h == null) {
      throw new NoSuchHostException(host);
    }
    return HostVarsResolver.resolve(this, h);
  }

  /** Names of every group the host belongs to, directly or through children, but {@code all}. */
  public List<String> groupNames(String host) throws NoSuchHostException {
    Host h = hosts.get(host);
    if (h == null) {
      throw new NoSuchHostException(host);
    }
    Set<String> names = new TreeSet<>(ancestorsOf(h));
    names.remove("all");
    return List.copyOf(names);
  }

  /** The host's direct groups and all their ancestors. */
  Set<String> ancestorsOf(Host host) {
    Set<String> result = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(host.groups());
    while (!todo.isEmpty()) {
      String g = todo.pop();
      if (result.add(g)) {
        todo.addAll(parents.getOrDefault(g, List.of()));
      }
    }
    return result;
  }

  /** The parents of a group, in the order they adopted it. */
  public List<String> parentsOf(String group) {
    return List.copyOf(parents.getOrDefault(group, List.of()));
  }

  @Override
  public List<String> groupNames() {
    return List.copyOf(groups.keySet());
  }

  @Override
  public List<String> hostNames() {
    return List.copyOf(hosts.keySet());
  }

  @Override
  public boolean hasHost(String name) {
    return hosts.containsKey(name);
  }

  /**
   * The hosts of a group and its descendants: the group's own hosts, then those of its children
   * breadth first, without duplicates. For {@code all}, the inventory order. (Ansible visits
   * groups two or more levels down in an order that may vary between runs; Cairn's is the
   * breadth-first one Ansible usually prints.)
   */
  @Override
  public List<String> hostsOf(String group) {
    if (!groups.containsKey(group)) {
      return List.of();
    }
    List<String> order = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(group);
    seen.add(group);
    while (!queue.isEmpty()) {
      String g = queue.poll();
      order.add(g);
      for (String child : groups.get(g).children()) {
        if (seen.add(child)) {
          queue.add(child);
        }
      }
    }
    Set<String> result = new LinkedHashSet<>();
    for (String g : order) {
      result.addAll(groups.get(g).hosts());
    }
    return List.copyOf(result);
  }
}
