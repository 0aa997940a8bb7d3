package dev.cairn.inventory.source;

import dev.cairn.inventory.Group;
import dev.cairn.inventory.Host;
import dev.cairn.inventory.Inventory;
import dev.cairn.inventory.InventoryParseException;
import dev.cairn.inventory.Origin;
import dev.cairn.inventory.Variables;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The inventory while sources are read, with the rules of Ansible's {@code InventoryData}: groups
 * {@code all} and {@code ungrouped} always exist, a child that would close a cycle is refused,
 * {@code ansible_group_priority} sets the group's priority instead of a variable, and at the end
 * groups without a parent join {@code all} and hosts without a group join {@code ungrouped}.
 * Not thread-safe; used by one load.
 */
final class InventoryBuilder {

  /** Ansible's C.INVALID_VARIABLE_NAMES: group names it warns about (but keeps). */
  private static final Pattern INVALID_NAME =
      Pattern.compile("^[\\d\\W]|[^\\w]", Pattern.UNICODE_CHARACTER_CLASS);

  private final Map<String, GroupDraft> groups = new LinkedHashMap<>();
  private final Map<String, HostDraft> hosts = new LinkedHashMap<>();
  private final List<String> warnings;

  InventoryBuilder(List<String> warnings) {
    this.warnings = warnings;
    Origin implicit = new Origin("(implicit)", 0);
    addGroup("all", implicit);
    addGroup("ungrouped", implicit);
    groups.get("all").children.add("ungrouped");
    groups.get("ungrouped").parents.add("all");
  }

  boolean hasGroup(String name) {
    return groups.containsKey(name);
  }

  List<String> groupNames() {
    return List.copyOf(groups.keySet());
  }

  List<String> hostNames() {
    return List.copyOf(hosts.keySet());
  }

  void warn(String warning) {
    warnings.add(warning);
  }

  void addGroup(String name, Origin origin) {
    if (!groups.containsKey(name) && INVALID_NAME.matcher(name).find()) {
      warnings.add(origin + ": group name '" + name + "' has characters Ansible calls invalid"
          + " (only letters, digits and _, not starting with a digit); kept as it is");
    }
    groups.computeIfAbsent(name, n -> new GroupDraft(n, origin));
  }

  /** Adds the host if new (with {@code ansible_port} if a port is given), puts it in the group. */
  void addHost(String name, String group, Integer port, Origin origin)
      throws InventoryParseException {
    if (name.isEmpty()) {
      throw new InventoryParseException(origin, "Invalid empty host name provided");
    }
    HostDraft host = hosts.get(name);
    if (host == null) {
      host = new HostDraft(name, origin);
      hosts.put(name, host);
      if (port != null) {
        host.vars.put("ansible_port", (long) port);
        host.origins.put("ansible_port", origin);
      }
    }
    GroupDraft g = groups.get(group);
    if (!g.hosts.contains(name)) {
      g.hosts.add(name);
      host.groups.add(group);
    }
  }

  /** Makes {@code child} a child group of {@code parent}; refuses a cycle. */
  void addChild(String parent, String child, Origin origin) throws InventoryParseException {
    GroupDraft p = groups.get(parent);
    GroupDraft c = groups.get(child);
    if (p.children.contains(child)) {
      return;
    }
    if (parent.equals(child)) {
      throw new InventoryParseException(origin, "group '" + child + "' cannot be its own child");
    }
    Optional<List<String>> path = pathDown(child, parent);
    if (path.isPresent()) {
      throw new InventoryParseException(
          origin,
          "adding group '" + child + "' as a child of '" + parent + "' creates a cycle in"
              + " children: " + parent + " > " + String.join(" > ", path.get()));
    }
    p.children.add(child);
    c.parents.add(parent);
  }

  /** The groups from {@code from} down to {@code to} through children, if {@code to} is below. */
  private Optional<List<String>> pathDown(String from, String to) {
    return pathDown(from, to, new HashSet<>());
  }

  /** {@code seen}: groups already searched; groups sharing children would otherwise be searched again and again. */
  private Optional<List<String>> pathDown(String from, String to, Set<String> seen) {
    if (from.equals(to)) {
      return Optional.of(new ArrayList<>(List.of(from)));
    }
    if (!seen.add(from)) {
      return Optional.empty();
    }
    for (String child : groups.get(from).children) {
      Optional<List<String>> rest = pathDown(child, to, seen);
      if (rest.isPresent()) {
        rest.get().add(0, from);
        return rest;
      }
    }
    return Optional.empty();
  }

  void setGroupVar(String group, String key, Object value, Origin origin)
      throws InventoryParseException {
    GroupDraft g = groups.get(group);
    if (key.equals("ansible_group_priority")) {
      g.priority = priority(value, origin).orElse(g.priority);
      return;
    }
    g.vars.put(key, value);
    g.origins.put(key, origin);
  }

  /** Python's {@code int(value)}; null leaves the priority unchanged, as in Ansible. */
  private static Optional<Integer> priority(Object value, Origin origin)
      throws InventoryParseException {
    try {
      if (value == null) {
        return Optional.empty();
      }
      if (value instanceof Boolean b) {
        return Optional.of(b ? 1 : 0);
      }
      if (value instanceof Number n) {
        return Optional.of(n instanceof BigInteger b ? b.intValueExact() : n.intValue());
      }
      return Optional.of(Integer.parseInt(value.toString().strip()));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InventoryParseException(
          origin, "ansible_group_priority must be an integer, not '" + value + "'");
    }
  }

  void setHostVar(String host, String key, Object value, Origin origin) {
    HostDraft h = hosts.get(host);
    h.vars.put(key, value);
    h.origins.put(key, origin);
  }

  void addGroupFileVars(String group, Variables vars) {
    GroupDraft g = groups.get(group);
    g.fileVars = g.fileVars.overriddenBy(vars);
  }

  void addHostFileVars(String host, Variables vars) {
    HostDraft h = hosts.get(host);
    h.fileVars = h.fileVars.overriddenBy(vars);
  }

  /** Applies Ansible's final reconciliation and freezes the result. */
  Inventory build(List<String> sources) throws InventoryParseException {
    for (GroupDraft g : List.copyOf(groups.values())) {
      if (!g.name.equals("all") && g.parents.isEmpty()) {
        addChild("all", g.name, g.origin);
      }
    }
    new UngroupedReconciler(groups, hosts).reconcile();
    for (String name : groups.keySet()) {
      if (hosts.containsKey(name)) {
        warnings.add("Found both group and host with same name: " + name);
      }
    }
    Map<String, Integer> depths = new HashMap<>();
    List<Group> built = new ArrayList<>();
    for (GroupDraft g : groups.values()) {
      built.add(
          new Group(
              g.name,
              g.children,
              g.hosts,
              new Variables(g.vars, g.origins),
              g.fileVars,
              g.priority,
              depth(g.name, depths),
              g.origin));
    }
    List<Host> builtHosts = new ArrayList<>();
    for (HostDraft h : hosts.values()) {
      builtHosts.add(
          new Host(h.name, h.groups, new Variables(h.vars, h.origins), h.fileVars, h.origin));
    }
    return Inventory.of(sources, built, builtHosts, warnings);
  }

  private int depth(String group, Map<String, Integer> memo) {
    Integer known = memo.get(group);
    if (known != null) {
      return known;
    }
    int depth = 0;
    for (String parent : groups.get(group).parents) {
      depth = Math.max(depth, depth(parent, memo) + 1);
    }
    memo.put(group, depth);
    return depth;
  }

  /** A group being built. */
  static final class GroupDraft {
    final String name;
    final Origin origin;
    final List<String> hosts = new ArrayList<>();
    final List<String> children = new ArrayList<>();
    final List<String> parents = new ArrayList<>();
    final Map<String, Object> vars = new LinkedHashMap<>();
    final Map<String, Origin> origins = new LinkedHashMap<>();
    int priority = 1;
    Variables fileVars = Variables.EMPTY;

    GroupDraft(String name, Origin origin) {
      this.name = name;
      this.origin = origin;
    }
  }

  /** A host being built. */
  static final class HostDraft {
    final String name;
    final Origin origin;
    final List<String> groups = new ArrayList<>();
    final Map<String, Object> vars = new LinkedHashMap<>();
    final Map<String, Origin> origins = new LinkedHashMap<>();
    Variables fileVars = Variables.EMPTY;

    HostDraft(String name, Origin origin) {
      this.name = name;
      this.origin = origin;
    }
  }
}
