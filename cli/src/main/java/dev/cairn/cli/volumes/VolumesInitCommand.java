package dev.cairn.cli.volumes;

import dev.cairn.agent.layout.Catalogue;
import dev.cairn.agent.layout.LayoutReport;
import dev.cairn.agent.layout.LayoutService;
import dev.cairn.agent.layout.RepairScope;
import dev.cairn.agent.layout.VolumeOutcome;
import dev.cairn.inventory.desired.DesiredState.DriftPolicy;
import dev.cairn.inventory.desired.Volume;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn volumes init --base B [--catalogue FILE] [--dry-run] [--json]}: creates and repairs the layout. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {"Create every volume directory of the catalogue under the base directory with its owner, "
        + "group and mode. Existing directories whose mode, owner or group differ are repaired when the "
        + "catalogue's drift policy is REPAIR (the default) and only listed when it is REPORT. Nothing is "
        + "ever deleted or moved; symbolic links are not followed. An invalid catalogue is refused before "
        + "anything is touched.",
        "Exit status: 0 the layout matches the catalogue, 1 drift is left (listed), 3 the catalogue was "
            + "refused."})
final class VolumesInitCommand extends VolumesSubcommand {

  @Option(names = "--dry-run", description = "Change nothing; list what differs from the catalogue.")
  boolean dryRun;

  @Override
  int run(Catalogue catalogue) {
    RepairScope scope = dryRun ? RepairScope.NONE
        : catalogue.drift() == DriftPolicy.REPAIR ? RepairScope.ALL : RepairScope.MISSING;
    LayoutReport report = new LayoutService().converge(catalogue, scope);
    if (json) {
      printJson(json(catalogue, report, scope));
    } else {
      report.baseChanges().forEach(c -> out().println(c));
      for (VolumeOutcome v : report.volumes()) {
        for (String change : v.changes()) {
          out().printf("%-24s %s: %s%n", v.volume().name(), v.volume().path(), change);
        }
        for (String drift : v.drift()) {
          out().printf("%-24s %s: DRIFT %s%n", v.volume().name(), v.volume().path(), drift);
        }
      }
      out().println(report.summary() + (dryRun ? " (dry run: nothing changed)" : "")
          + (catalogue.drift() == DriftPolicy.REPORT && !report.drifted().isEmpty()
              ? " (drift policy REPORT: differences listed, not repaired)" : ""));
    }
    return report.drifted().isEmpty() ? 0 : 1;
  }

  private static Map<String, Object> json(Catalogue catalogue, LayoutReport report, RepairScope scope) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("base", report.base().toString());
    out.put("drift", catalogue.drift().name());
    out.put("scope", scope.name().toLowerCase(Locale.ROOT));
    out.put("changed", report.changed());
    out.put("baseChanges", report.baseChanges());
    out.put("volumes", report.volumes().stream().map(VolumesInitCommand::json).toList());
    return out;
  }

  private static Map<String, Object> json(VolumeOutcome outcome) {
    Volume v = outcome.volume();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", v.name());
    out.put("path", v.path());
    out.put("service", v.service());
    out.put("kind", v.kind().name());
    out.put("owner", v.owner());
    out.put("group", v.group());
    out.put("mode", v.mode());
    out.put("tier", v.tier().name());
    out.put("backupPolicy", v.backupPolicy());
    out.put("present", outcome.present());
    out.put("changes", outcome.changes());
    out.put("drift", outcome.drift());
    return out;
  }
}
