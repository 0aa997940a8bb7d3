package dev.cairn.inventory.source;

import dev.cairn.inventory.InventoryParseException;
import dev.cairn.inventory.Origin;
import dev.cairn.inventory.address.HostAddress;
import dev.cairn.inventory.address.HostRangeException;
import dev.cairn.inventory.syntax.PythonLiteral;
import dev.cairn.inventory.syntax.ShellWords;
import dev.cairn.inventory.syntax.SyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an INI inventory as Ansible's {@code ini} plugin does: lines before any section are
 * ungrouped hosts; {@code [g]} lists hosts with inline {@code key=value} variables,
 * {@code [g:children]} child groups, {@code [g:vars]} one {@code key=value} per line; values are
 * Python literals ({@link PythonLiteral}). A child group or a {@code :vars} section may come before
 * the group's own section, but a group never declared in the file (or an earlier source) is an
 * error with the line that named it.
 */
final class IniInventoryParser {

  private static final Pattern SECTION =
      Pattern.compile(
          "\\[([^:\\]\\s]+)(?::(\\w+))?\\]\\s*(?:#.*)?", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern GROUP_NAME =
      Pattern.compile("([^:\\]\\s]+)\\s*(?:#.*)?", Pattern.UNICODE_CHARACTER_CLASS);

  private final InventoryBuilder builder;
  private final String file;
  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private int lineNo;

  /** A group named before it was declared: by {@code [g:vars]} or by a {@code :children} line. */
  private record Pending(int line, String state, List<String> parents) {}

  private IniInventoryParser(InventoryBuilder builder, String file) {
    this.builder = builder;
    this.file = file;
  }

  static void parse(InventoryBuilder builder, String file, String content)
      throws InventoryParseException {
    new IniInventoryParser(builder, file).parse(content.lines().toList());
  }

  private void parse(List<String> lines) throws InventoryParseException {
    String group = "ungrouped";
    String state = "hosts";
    for (String raw : lines) {
      lineNo++;
      String line = (lineNo == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw).strip();
      if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') {
        continue;
      }
      Matcher section = SECTION.matcher(line);
      if (section.matches()) {
        group = section.group(1);
        state = section.group(2) == null ? "hosts" : section.group(2);
        declare(group, state);
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        throw error("Invalid section entry: '" + line + "'. Please make sure that there are no"
            + " spaces in the section entry, and that there are no other invalid characters");
      }
      switch (state) {
        case "hosts" -> hostLine(group, line);
        case "vars" -> varLine(group, line);
        default -> childLine(group, line);
      }
    }
    for (Map.Entry<String, Pending> e : pending.entrySet()) {
      Pending p = e.getValue();
      Origin at = new Origin(file, p.line());
      if (p.state().equals("vars")) {
        throw new InventoryParseException(at, "Section [" + e.getKey()
            + ":vars] not valid for undefined group: " + e.getKey());
      }
      throw new InventoryParseException(at, "Section [" + p.parents().get(p.parents().size() - 1)
          + ":children] includes undefined group: " + e.getKey()
          + " (declare it with a [" + e.getKey() + "] section)");
    }
  }

  private void declare(String group, String state) throws InventoryParseException {
    if (!state.equals("hosts") && !state.equals("children") && !state.equals("vars")) {
      throw error("Section [" + group + ":" + state + "] has unknown type: " + state);
    }
    if (!builder.hasGroup(group)) {
      if (state.equals("vars") && !pending.containsKey(group)) {
        pending.put(group, new Pending(lineNo, "vars", new ArrayList<>()));
      }
      builder.addGroup(group, origin());
    }
    Pending p = pending.get(group);
    if (p != null && !state.equals("vars")) {
      if (p.state().equals("children")) {
        addPendingChildren(group);
      } else {
        pending.remove(group);
      }
    }
  }

  private void addPendingChildren(String group) throws InventoryParseException {
    for (String parent : pending.get(group).parents()) {
      builder.addChild(parent, group, origin());
      Pending p = pending.get(parent);
      if (p != null && p.state().equals("children")) {
        addPendingChildren(parent);
      }
    }
    pending.remove(group);
  }

  private void hostLine(String group, String line) throws InventoryParseException {
    List<String> words;
    try {
      words = ShellWords.split(line);
    } catch (SyntaxException e) {
      throw error("Error parsing host definition '" + line + "': " + e.getMessage());
    }
    if (words.isEmpty()) {
      return;
    }
    HostAddress.Expansion hosts = expand(words.get(0));
    Map<String, Object> vars = new LinkedHashMap<>();
    for (String word : words.subList(1, words.size())) {
      int eq = word.indexOf('=');
      if (eq < 0) {
        throw error("Expected key=value host variable assignment, got: " + word);
      }
      vars.put(word.substring(0, eq), PythonLiteral.valueOrText(word.substring(eq + 1)));
    }
    for (String host : hosts.names()) {
      builder.addHost(host, group, hosts.port(), origin());
      for (Map.Entry<String, Object> v : vars.entrySet()) {
        builder.setHostVar(host, v.getKey(), v.getValue(), origin());
      }
    }
  }

  private HostAddress.Expansion expand(String entry) throws InventoryParseException {
    HostAddress.Expansion hosts;
    try {
      hosts = HostAddress.expand(entry);
    } catch (HostRangeException e) {
      throw error(e.getMessage());
    }
    if (entry.strip().endsWith(":") && hosts.port() == null) {
      throw error("Invalid host pattern '" + entry + "' supplied, ending in ':' is not allowed,"
          + " this character is reserved to provide a port.");
    }
    if (hosts.names().stream().anyMatch(n -> n.strip().equals("---"))) {
      throw error("Invalid host pattern '" + entry + "' supplied, '---' is normally a sign this is"
          + " a YAML file.");
    }
    return hosts;
  }

  private void varLine(String group, String line) throws InventoryParseException {
    int eq = line.indexOf('=');
    if (eq < 0) {
      throw error("Expected key=value, got: " + line);
    }
    String key = line.substring(0, eq).strip();
    Object value = PythonLiteral.valueOrText(line.substring(eq + 1).strip());
    builder.setGroupVar(group, key, value, origin());
  }

  private void childLine(String group, String line) throws InventoryParseException {
    Matcher m = GROUP_NAME.matcher(line);
    if (!m.matches()) {
      throw error("Expected group name, got: " + line);
    }
    String child = m.group(1);
    if (builder.hasGroup(child)) {
      builder.addChild(group, child, origin());
      return;
    }
    Pending p = pending.get(child);
    if (p == null) {
      pending.put(child, new Pending(lineNo, "children", new ArrayList<>(List.of(group))));
    } else {
      p.parents().add(group);
    }
  }

  private Origin origin() {
    return new Origin(file, lineNo);
  }

  private InventoryParseException error(String problem) {
    return new InventoryParseException(origin(), problem);
  }
}
