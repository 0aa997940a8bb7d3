package dev.cairn.cli.snapshot;

import dev.cairn.agent.retention.ForgetPolicy;
import dev.cairn.agent.retention.ForgetPolicyParser;
import dev.cairn.agent.retention.InvalidPolicyException;
import dev.cairn.agent.snapshot.ForgetOptions;
import dev.cairn.agent.snapshot.ForgetReport;
import dev.cairn.agent.snapshot.Forgetter;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn forget}: removes snapshots by a retention policy (restic's semantics) or by id. */
@Command(name = "forget", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Remove snapshots by a retention policy with restic's semantics, or the snapshots named by ID. "
        + "Snapshots are grouped by host and volume; each group is judged alone, newest first; a snapshot is kept "
        + "if any rule keeps it. N is a count or 'unlimited'; D is a span like 1y6m7d12h. "
        + "Removing snapshots frees space only when 'cairn prune' (or --prune) runs. Takes the exclusive lock.",
        "Refuses an empty policy, and a policy that would remove every snapshot of a group (unless "
            + "--unsafe-allow-remove-all). Rules and examples: docs/retention.md.",
        "Exit status: 0 done, 1 refused or failed (nothing removed when refused)."})
public final class ForgetCommand extends RepositoryCommand {

  @Mixin RepositoryOptions repository;

  @Parameters(paramLabel = "ID", arity = "0..*", description = "Remove these snapshots (ids or unique prefixes) "
      + "instead of applying a policy.")
  List<String> ids = new ArrayList<>();

  @Option(names = {"-l", "--keep-last"}, paramLabel = "N", description = "Keep the N newest snapshots.")
  String keepLast;

  @Option(names = {"-H", "--keep-hourly"}, paramLabel = "N", description = "Keep the newest snapshot of the N newest hours.")
  String keepHourly;

  @Option(names = {"-d", "--keep-daily"}, paramLabel = "N", description = "... of the N newest days.")
  String keepDaily;

  @Option(names = {"-w", "--keep-weekly"}, paramLabel = "N", description = "... of the N newest ISO weeks.")
  String keepWeekly;

  @Option(names = {"-m", "--keep-monthly"}, paramLabel = "N", description = "... of the N newest months.")
  String keepMonthly;

  @Option(names = {"-y", "--keep-yearly"}, paramLabel = "N", description = "... of the N newest years.")
  String keepYearly;

  @Option(names = "--keep-within", paramLabel = "D", description = "Keep every snapshot younger than D before the "
      + "group's latest snapshot.")
  String keepWithin;

  @Option(names = "--keep-within-hourly", paramLabel = "D", description = "Keep the newest snapshot of each hour "
      + "within D.")
  String keepWithinHourly;

  @Option(names = "--keep-within-daily", paramLabel = "D", description = "... of each day within D.")
  String keepWithinDaily;

  @Option(names = "--keep-within-weekly", paramLabel = "D", description = "... of each ISO week within D.")
  String keepWithinWeekly;

  @Option(names = "--keep-within-monthly", paramLabel = "D", description = "... of each month within D.")
  String keepWithinMonthly;

  @Option(names = "--keep-within-yearly", paramLabel = "D", description = "... of each year within D.")
  String keepWithinYearly;

  @Option(names = "--keep-tag", paramLabel = "T[,T...]", description = "Keep snapshots carrying all these tags "
      + "(repeatable: any of the lists; '' keeps untagged snapshots).")
  List<String> keepTags = new ArrayList<>();

  @Option(names = "--policy", paramLabel = "NAME", description = "A named policy: gfs-default (6-hourly for 7 days, "
      + "daily for 30 days, weekly for 12 weeks, monthly for 7 years); --keep-* options override its rules.")
  String policy;

  @Option(names = "--host", paramLabel = "H", description = "Only consider snapshots of this host.")
  String host;

  @Option(names = "--volume", paramLabel = "NAME", description = "Only consider snapshots of this volume.")
  String volume;

  @Option(names = {"-n", "--dry-run"}, description = "Only print what would be kept and removed, and why.")
  boolean dryRun;

  @Option(names = "--prune", description = "Then free the space of the removed snapshots (as 'cairn prune'), under "
      + "the same lock.")
  boolean prune;

  @Option(names = "--unsafe-allow-remove-all", description = "Allow a policy to remove every snapshot of a group.")
  boolean allowRemoveAll;

  @Option(names = "--time-zone", paramLabel = "ZONE", description = "Calendar buckets in this zone, e.g. "
      + "Europe/Berlin (default: the node's).")
  String timeZone;

  @Option(names = "--now", paramLabel = "INSTANT", hidden = true, description = "Judge as if it were this instant "
      + "(ISO-8601; for tests).")
  Instant now;

  @Option(names = "--json", description = "Print the decisions (and the prune report) as JSON.")
  boolean json;

  @Override
  int execute() throws Exception {
    ForgetOptions options = options();
    ForgetReport report;
    try (RepositoryOptions.Opened opened = repository.open()) {
      Forgetter forgetter = new Forgetter(opened.repository());
      if (ids.isEmpty()) {
        report = forgetter.apply(policy(), options);
      } else {
        if (!flags().isEmpty() || host != null || volume != null) {
          throw new IllegalArgumentException("give either snapshot IDs or a policy (--keep-*, --policy) with "
              + "filters, not both");
        }
        report = forgetter.remove(ids, options);
      }
    }
    if (json) {
      printJson(report);
    } else {
      new ForgetPrinter(out(), options.zone()).print(report);
    }
    return 0;
  }

  private ForgetOptions options() {
    ZoneId zone;
    try {
      zone = timeZone == null ? ZoneId.systemDefault() : ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("--time-zone: unknown zone '" + timeZone + "'; use a region such as "
          + "Europe/Berlin or UTC");
    }
    return ForgetOptions.defaults().at(now == null ? Instant.now() : now, zone).only(host, volume)
        .withDryRun(dryRun).withPrune(prune).withAllowRemoveAll(allowRemoveAll);
  }

  private ForgetPolicy policy() {
    try {
      return ForgetPolicyParser.fromFlags(flags());
    } catch (InvalidPolicyException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** The policy options as flags, for the one parser that validates them (also for desired state). */
  private List<String> flags() {
    List<String> flags = new ArrayList<>();
    add(flags, "--policy", policy);
    add(flags, "--keep-last", keepLast);
    add(flags, "--keep-hourly", keepHourly);
    add(flags, "--keep-daily", keepDaily);
    add(flags, "--keep-weekly", keepWeekly);
    add(flags, "--keep-monthly", keepMonthly);
    add(flags, "--keep-yearly", keepYearly);
    add(flags, "--keep-within", keepWithin);
    add(flags, "--keep-within-hourly", keepWithinHourly);
    add(flags, "--keep-within-daily", keepWithinDaily);
    add(flags, "--keep-within-weekly", keepWithinWeekly);
    add(flags, "--keep-within-monthly", keepWithinMonthly);
    add(flags, "--keep-within-yearly", keepWithinYearly);
    keepTags.forEach(tags -> add(flags, "--keep-tag", tags));
    return flags;
  }

  private static void add(List<String> flags, String name, String value) {
    if (value != null) {
      flags.add(name);
      flags.add(value);
    }
  }
}
