package dev.cairn.inventory.desired;

import dev.cairn.inventory.desired.Volume.Kind;
import dev.cairn.inventory.desired.Volume.Tier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves a host's volume catalogue: the seed's layout and the volumes of the services in
 * {@code cairn_services}, then {@code cairn_volumes}, whose entries add volumes or change fields
 * of catalogue volumes of the same name ({@code enabled: false} removes one). Every volume must lie
 * inside the base directory, have its own path, a valid mode, owner, tier, policy and repository.
 */
final class VolumeCatalogue {

  private static final Pattern MODE = Pattern.compile("[0-7]{3,4}");
  private static final Pattern ACCOUNT = Pattern.compile("[0-9]+|[A-Za-z_][A-Za-z0-9_.-]*\\$?");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private final CairnVariables vars;
  private final Path base;

  /** A volume while overrides are applied. */
  private static final class Draft {
    String name;
    String service;
    Kind kind = Kind.DATA;
    String path;
    String owner = "0";
    String group = "0";
    String mode = "0750";
    Tier tier = Tier.HOT;
    String policy;
    String repository;
  }

  private VolumeCatalogue(CairnVariables vars, Path base) {
    this.vars = vars;
    this.base = base;
  }

  static List<Volume> resolve(CairnVariables vars, Path base, String defaultPolicy,
      Set<String> policies, Set<String> repositories) {
    return new VolumeCatalogue(vars, base).resolve(defaultPolicy, policies, repositories);
  }

  private List<Volume> resolve(String defaultPolicy, Set<String> policies, Set<String> repos) {
    Map<String, Draft> drafts = new LinkedHashMap<>();
    DefaultCatalogue.layout().forEach(e -> drafts.put(e.name(), draft(e)));
    for (String service : services()) {
      DefaultCatalogue.service(service).forEach(e -> drafts.put(e.name(), draft(e)));
    }
    vars.spec("cairn_volumes").ifPresent(spec -> override(spec, drafts));
    List<Volume> volumes = new ArrayList<>();
    Map<String, String> byPath = new HashMap<>();
    for (Draft d : drafts.values()) {
      String at = "cairn_volumes." + d.name;
      String policy = d.policy != null ? d.policy : d.kind == Kind.LAYOUT ? "none" : defaultPolicy;
      if (d.policy != null && !policy.equals("none") && !policies.contains(policy)) {
        problem(at + ".backup_policy", "no backup policy '" + policy + "'; define it in"
            + " cairn_backup_policies or use one of " + policies + " or none");
      }
      String repository = null;
      if (!policy.equals("none") && policies.contains(policy)) {
        repository = d.repository == null ? "local" : d.repository;
        if (!repos.contains(repository)) {
          problem(at + ".repository", "no repository '" + repository + "'; define it in"
              + " cairn_repositories (known: " + repos + ")");
        }
      }
      String other = byPath.putIfAbsent(d.path, d.name);
      if (other != null) {
        problem(at + ".path", "the same directory as volume '" + other + "' (" + d.path + ")");
      }
      volumes.add(new Volume(d.name, d.service, d.kind, d.path, d.owner, d.group, d.mode, d.tier,
          repository == null ? null : policy, repository));
    }
    volumes.sort(Comparator.comparing(Volume::name));
    return volumes;
  }

  private List<String> services() {
    if (!vars.has("cairn_services")) {
      return DefaultCatalogue.SERVICES;
    }
    if (!(vars.value("cairn_services") instanceof List<?> list)) {
      problem("cairn_services", "must be a list of service names, some of "
          + DefaultCatalogue.SERVICES);
      return List.of();
    }
    Set<String> services = new LinkedHashSet<>();
    for (Object item : list) {
      if (item instanceof String s && DefaultCatalogue.SERVICES.contains(s)) {
        services.add(s);
      } else {
        problem("cairn_services", Spec.describe(item) + " is not a catalogue service; known: "
            + DefaultCatalogue.SERVICES + " (declare other volumes in cairn_volumes)");
      }
    }
    return List.copyOf(services);
  }

  private void override(Spec volumes, Map<String, Draft> drafts) {
    for (Map.Entry<String, Object> e : volumes.entries().entrySet()) {
      String name = e.getKey();
      String at = "cairn_volumes." + name;
      if (!NAME.matcher(name).matches()) {
        problem(at, "volume names are letters, digits, '.', '_' and '-'");
        continue;
      }
      Spec.of(e.getValue(), at, vars.origin("cairn_volumes"), vars.problems())
          .ifPresent(spec -> apply(spec, name, drafts));
    }
  }

  private void apply(Spec spec, String name, Map<String, Draft> drafts) {
    spec.only("path", "service", "kind", "owner", "group", "mode", "tier", "backup_policy",
        "repository", "enabled");
    if (!spec.bool("enabled", true)) {
      drafts.remove(name);
      return;
    }
    Draft d = drafts.get(name);
    if (d == null) {
      if (!spec.has("path")) {
        spec.problem(null, "a new volume needs a path");
        return;
      }
      d = new Draft();
      d.name = name;
      drafts.put(name, d);
    }
    if (spec.has("path")) {
      d.path = placed(spec, spec.string("path", d.path));
    }
    d.service = spec.string("service", d.service);
    d.kind = spec.choice("kind", Kind.class, d.kind);
    d.owner = account(spec, "owner", d.owner);
    d.group = account(spec, "group", d.group);
    d.mode = mode(spec, d.mode);
    d.tier = spec.choice("tier", Tier.class, d.tier);
    d.policy = spec.string("backup_policy", d.policy);
    d.repository = spec.string("repository", d.repository);
  }

  private Draft draft(DefaultCatalogue.Entry e) {
    Draft d = new Draft();
    d.name = e.name();
    d.service = e.service();
    d.kind = e.kind();
    d.path = base.resolve(e.path()).toString();
    d.owner = e.owner();
    d.group = e.group();
    d.mode = e.mode();
    d.tier = e.tier();
    return d;
  }

  /** The absolute path of a volume, which must lie inside the base directory. */
  private String placed(Spec spec, String path) {
    if (path == null) {
      return null;
    }
    Path resolved = base.resolve(path).normalize();
    if (!resolved.startsWith(base) || resolved.equals(base)) {
      spec.problem("path", "'" + path + "' is outside the base directory " + base
          + "; volumes live inside it (give a path relative to it, e.g. data/myservice)");
    }
    return resolved.toString();
  }

  private static String account(Spec spec, String key, String otherwise) {
    String value = spec.nameOrNumber(key, otherwise);
    if (!ACCOUNT.matcher(value).matches()) {
      spec.problem(key, "'" + value + "' is neither a user/group name nor a numeric id");
      return otherwise;
    }
    return value;
  }

  private static String mode(Spec spec, String otherwise) {
    if (!spec.has("mode")) {
      return otherwise;
    }
    Object v = spec.entries().get("mode");
    if (!(v instanceof String s) || !MODE.matcher(s).matches()) {
      spec.problem("mode", "must be an octal file mode written as a quoted string, e.g. \"0750\","
          + " not " + Spec.describe(v) + (v instanceof Long
              ? " (YAML reads an unquoted 0750 as the number 488)" : ""));
      return otherwise;
    }
    return s.length() == 3 ? "0" + s : s;
  }

  private void problem(String path, String message) {
    String variable = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
    vars.problems().add(vars.origin(variable), path, message);
  }
}
