package dev.cairn.inventory.desired;

import dev.cairn.inventory.Origin;
import dev.cairn.inventory.Variables;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code cairn_*} variables of one host, taken from its merged variables. Every other
 * variable is the operator's own and ignored; an unknown {@code cairn_*} name is a problem (most
 * likely a typo), and so is a Jinja2 template, which Cairn does not evaluate.
 */
final class CairnVariables {

  /** Every variable Cairn reads; docs/inventory.md describes each. */
  static final List<String> KNOWN =
      List.of(
          "cairn_base_dir",
          "cairn_timezone",
          "cairn_labels",
          "cairn_drift",
          "cairn_health_interval",
          "cairn_services",
          "cairn_volumes",
          "cairn_backup_policy",
          "cairn_backup_policies",
          "cairn_repositories",
          "cairn_schedules",
          "cairn_hooks",
          "cairn_images",
          "cairn_image_cache",
          "cairn_alert_thresholds");

  private final Variables vars;
  private final Problems problems;

  CairnVariables(Variables vars, Problems problems) {
    this.vars = vars;
    this.problems = problems;
    Set<String> known = Set.copyOf(KNOWN);
    for (Map.Entry<String, Object> e : vars.values().entrySet()) {
      String name = e.getKey();
      if (!name.startsWith("cairn_")) {
        continue;
      }
      if (!known.contains(name)) {
        problems.add(origin(name), name, "unknown Cairn variable; known: "
            + String.join(", ", new TreeSet<>(known)));
      } else {
        findTemplates(name, e.getValue());
      }
    }
  }

  boolean has(String name) {
    return vars.values().containsKey(name) && vars.values().get(name) != null;
  }

  Object value(String name) {
    return vars.values().get(name);
  }

  Origin origin(String name) {
    return vars.origins().get(name);
  }

  Problems problems() {
    return problems;
  }

  /** The variable as a mapping of fields, if set. */
  Optional<Spec> spec(String name) {
    return has(name) ? Spec.of(value(name), name, origin(name), problems) : Optional.empty();
  }

  private void findTemplates(String path, Object value) {
    if (value instanceof String s && (s.contains("{{") || s.contains("{%"))) {
      problems.add(origin(path.split("[.\\[]")[0]), path, "Jinja2 templates are not evaluated by"
          + " Cairn; write the value itself");
    } else if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> findTemplates(path + "." + k, v));
    } else if (value instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        findTemplates(path + "[" + i + "]", l.get(i));
      }
    }
  }
}
