package dev.cairn.agent.layout;

import dev.cairn.inventory.desired.AlertThresholds;
import dev.cairn.inventory.desired.DesiredState;
import dev.cairn.inventory.desired.Volume;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks what the layout and health rely on in a desired-state document that did not come from
 * the inventory resolver (which checks the same when it builds one): the base directory, every
 * volume's name, path, owner, group, mode, kind and tier, unique names and paths, and the alert
 * thresholds' order. Stateless.
 */
final class CatalogueValidator {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern ACCOUNT = Pattern.compile("[0-9]+|[A-Za-z_][A-Za-z0-9_.-]*\\$?");

  private CatalogueValidator() {}

  /** Every problem of {@code state}'s catalogue; empty when it is valid. */
  static List<String> problems(DesiredState state) {
    List<String> problems = new ArrayList<>();
    Path base = base(state.baseDir(), problems);
    if (state.drift() == null) {
      problems.add("drift: missing; REPAIR or REPORT");
    }
    Map<String, String> byPath = new HashMap<>();
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < state.volumes().size(); i++) {
      Volume v = state.volumes().get(i);
      String at = "volumes[" + (v.name() == null ? Integer.toString(i) : v.name()) + "]";
      if (v.name() == null || !NAME.matcher(v.name()).matches()) {
        problems.add(at + ".name: '" + v.name() + "' is not a volume name (letters, digits, '.', '_', '-')");
      } else if (names.put(v.name(), i) != null) {
        problems.add(at + ".name: two volumes are called '" + v.name() + "'");
      }
      volumePath(at, v.path(), base, problems).ifPresent(p -> {
        String other = byPath.putIfAbsent(p, v.name());
        if (other != null) {
          problems.add(at + ".path: the same directory as volume '" + other + "' (" + p + ")");
        }
      });
      account(at + ".owner", v.owner(), problems);
      account(at + ".group", v.group(), problems);
      if (!FileMode.valid(v.mode())) {
        problems.add(at + ".mode: " + (v.mode() == null ? "missing" : "'" + v.mode() + "' is not an octal file"
            + " mode") + "; write four octal digits such as \"0750\"");
      }
      if (v.kind() == null) {
        problems.add(at + ".kind: missing; LAYOUT, DATA, CONFIG or BACKUP");
      }
      if (v.tier() == null) {
        problems.add(at + ".tier: missing; HOT, WARM, COLD or CACHE");
      }
    }
    thresholds(state.alertThresholds(), problems);
    return problems;
  }

  private static Path base(String baseDir, List<String> problems) {
    if (baseDir == null || !baseDir.startsWith("/") || Path.of(baseDir).normalize().getNameCount() == 0
        || !Path.of(baseDir).normalize().toString().equals(baseDir)) {
      problems.add("baseDir: '" + baseDir + "' must be an absolute, normalised directory other than /");
      return null;
    }
    return Path.of(baseDir);
  }

  private static Optional<String> volumePath(String at, String path, Path base, List<String> problems) {
    if (path == null || !path.startsWith("/")) {
      problems.add(at + ".path: '" + path + "' must be an absolute path inside the base directory");
      return Optional.empty();
    }
    Path p = Path.of(path);
    if (!p.normalize().toString().equals(path)) {
      problems.add(at + ".path: '" + path + "' must be normalised (no '.', '..', double or trailing slashes)");
      return Optional.empty();
    }
    if (base != null && (!p.startsWith(base) || p.equals(base))) {
      problems.add(at + ".path: '" + path + "' is outside the base directory " + base
          + "; volumes live inside it");
      return Optional.empty();
    }
    return Optional.of(p.toString());
  }

  private static void account(String at, String value, List<String> problems) {
    if (value == null || !ACCOUNT.matcher(value).matches()) {
      problems.add(at + ": '" + value + "' is neither a user/group name nor a numeric id");
    }
  }

  private static void thresholds(AlertThresholds t, List<String> problems) {
    if (t == null) {
      problems.add("alertThresholds: missing");
      return;
    }
    percentPair("capacity", t.capacityWarningPercent(), t.capacityCriticalPercent(), problems);
    percentPair("inodes", t.inodesWarningPercent(), t.inodesCriticalPercent(), problems);
    if (t.daysToFullCritical() < 0 || t.daysToFullWarning() <= t.daysToFullCritical()) {
      problems.add("alertThresholds.daysToFullWarning: must be more days than daysToFullCritical (>= 0), got "
          + t.daysToFullWarning() + " and " + t.daysToFullCritical());
    }
    if (t.missedRunsWarning() < 1 || t.missedRunsWarning() >= t.missedRunsCritical()) {
      problems.add("alertThresholds.missedRunsWarning: must be at least 1 and fewer than missedRunsCritical, got "
          + t.missedRunsWarning() + " and " + t.missedRunsCritical());
    }
  }

  private static void percentPair(String what, int warning, int critical, List<String> problems) {
    if (warning < 1 || warning >= critical || critical > 100) {
      problems.add("alertThresholds." + what + "WarningPercent: need 1 <= warning < critical <= 100, got " + warning
          + " and " + critical);
    }
  }
}
