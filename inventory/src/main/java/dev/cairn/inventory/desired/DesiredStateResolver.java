package dev.cairn.inventory.desired;

import dev.cairn.inventory.Inventory;
import dev.cairn.inventory.InventoryException;
import dev.cairn.inventory.NoSuchHostException;
import dev.cairn.inventory.desired.DesiredState.DriftPolicy;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns a host's merged inventory variables into its {@link DesiredState}. A pure function of
 * the inventory; every problem of a host is reported at once in a {@link DesiredStateException}.
 */
public final class DesiredStateResolver {

  private static final long DEFAULT_HEALTH_INTERVAL_SECONDS = 300;

  private DesiredStateResolver() {}

  /** The desired state of {@code host}. */
  public static DesiredState resolve(Inventory inventory, String host)
      throws NoSuchHostException, DesiredStateException {
    Problems problems = new Problems();
    CairnVariables vars = new CairnVariables(inventory.variables(host), problems);
    Path base = baseDir(vars);
    List<BackupPolicy> policies = PolicySection.policies(vars);
    String defaultPolicy = PolicySection.defaultPolicy(vars, policies);
    List<Repository> repos = RepositorySection.repositories(vars, base);
    Set<String> repoNames = names(repos.stream().map(Repository::name).toList());
    List<Volume> volumes = VolumeCatalogue.resolve(vars, base, defaultPolicy,
        names(policies.stream().map(BackupPolicy::name).toList()), repoNames);
    List<Schedule> schedules = ScheduleSection.schedules(vars,
        names(volumes.stream().map(Volume::name).toList()), repoNames);
    Set<String> services = volumes.stream().map(Volume::service)
        .filter(s -> s != null).collect(Collectors.toSet());
    List<ServiceHooks> hooks = HookSection.hooks(vars, services);
    ImageCache cache = ImageSection.cache(vars);
    List<Image> images = ImageSection.images(vars, cache);
    DesiredState state = new DesiredState(DesiredState.SCHEMA_VERSION, host, base.toString(),
        timezone(vars), labels(vars), drift(vars), volumes, policies, schedules, hooks, images,
        cache, repos, AlertSection.thresholds(vars), healthInterval(vars));
    if (!problems.isEmpty()) {
      throw new DesiredStateException("invalid desired state for host '" + host + "'",
          problems.list());
    }
    return state;
  }

  /**
   * The desired state of every host, in inventory order; fails with the problems of every host
   * that has any (what the controller checks before it accepts an inventory).
   */
  public static Map<String, DesiredState> resolveAll(Inventory inventory)
      throws InventoryException {
    Map<String, DesiredState> states = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    int failed = 0;
    for (String host : inventory.hostsOf("all")) {
      try {
        states.put(host, resolve(inventory, host));
      } catch (DesiredStateException e) {
        failed++;
        e.problems().forEach(p -> problems.add(host + ": " + p));
      }
    }
    if (!problems.isEmpty()) {
      throw new DesiredStateException("invalid desired state for " + failed + " of "
          + (states.size() + failed) + " hosts", problems);
    }
    return states;
  }

  private static Set<String> names(List<String> names) {
    return Set.copyOf(names);
  }

  private static Path baseDir(CairnVariables vars) {
    Object v = vars.value("cairn_base_dir");
    if (v == null) {
      return Path.of(DefaultCatalogue.BASE_DIR);
    }
    if (v instanceof String s && s.startsWith("/") && Path.of(s).normalize().getNameCount() > 0) {
      return Path.of(s).normalize();
    }
    vars.problems().add(vars.origin("cairn_base_dir"), "cairn_base_dir",
        "must be an absolute directory other than /, not " + Spec.describe(v));
    return Path.of(DefaultCatalogue.BASE_DIR);
  }

  private static String timezone(CairnVariables vars) {
    Object v = vars.value("cairn_timezone");
    if (v == null || "local".equals(v)) {
      return "local";
    }
    try {
      if (v instanceof String s) {
        return ZoneId.of(s).getId();
      }
    } catch (DateTimeException e) {
      // reported below
    }
    vars.problems().add(vars.origin("cairn_timezone"), "cairn_timezone", Spec.describe(v)
        + " is not a time zone; use an IANA name such as Europe/Oslo, or local");
    return "local";
  }

  private static Map<String, String> labels(CairnVariables vars) {
    Map<String, String> labels = new TreeMap<>();
    vars.spec("cairn_labels").ifPresent(spec -> spec.entries().forEach((k, v) -> {
      if (v instanceof String || v instanceof Number || v instanceof Boolean) {
        labels.put(k, String.valueOf(v));
      } else {
        spec.problem(k, "a label's value is a single word or number, not " + Spec.describe(v));
      }
    }));
    return labels;
  }

  private static DriftPolicy drift(CairnVariables vars) {
    if (!vars.has("cairn_drift")) {
      return DriftPolicy.REPAIR;
    }
    return Spec.of(Map.of("cairn_drift", vars.value("cairn_drift")), "",
            vars.origin("cairn_drift"), vars.problems())
        .map(s -> s.choice("cairn_drift", DriftPolicy.class, DriftPolicy.REPAIR))
        .orElse(DriftPolicy.REPAIR);
  }

  private static long healthInterval(CairnVariables vars) {
    if (!vars.has("cairn_health_interval")) {
      return DEFAULT_HEALTH_INTERVAL_SECONDS;
    }
    long seconds = Spec.of(Map.of("cairn_health_interval", vars.value("cairn_health_interval")),
            "", vars.origin("cairn_health_interval"), vars.problems())
        .map(s -> s.seconds("cairn_health_interval", DEFAULT_HEALTH_INTERVAL_SECONDS))
        .orElse(DEFAULT_HEALTH_INTERVAL_SECONDS);
    if (seconds < 10) {
      vars.problems().add(vars.origin("cairn_health_interval"), "cairn_health_interval",
          "must be at least 10s");
    }
    return seconds;
  }
}
