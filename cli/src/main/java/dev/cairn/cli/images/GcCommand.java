package dev.cairn.cli.images;

import dev.cairn.agent.image.GcReport;
import dev.cairn.agent.image.ImageService;
import dev.cairn.agent.image.Source;
import dev.cairn.agent.image.history.RetentionPolicy;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn images gc}: drops old versions and unreferenced blobs, reports what it freed. */
@Command(name = "gc", mixinStandardHelpOptions = true,
    description = "Keep the current, pending and --keep previous versions of every image within --budget; delete the rest.")
final class GcCommand extends ImagesCommandBase {

  @Option(names = "--keep", paramLabel = "N", defaultValue = "" + RetentionPolicy.DEFAULT_KEEP,
      description = "Previous versions to keep per image (default: ${DEFAULT-VALUE}).")
  int keep;

  @Option(names = "--budget", paramLabel = "SIZE", converter = Sizes.class, defaultValue = "0",
      description = "Cache size budget, e.g. 20G; previous versions are dropped oldest first to fit (default: none).")
  long budget;

  @Override
  int run(ImageService service) throws IOException {
    GcReport report = service.gc(new RetentionPolicy(keep, budget), Source.cli("images gc"));
    if (options.json) {
      printJson(report);
      return 0;
    }
    for (RetentionPolicy.Decision decision : report.decisions()) {
      out().printf("%-6s %s:%s  %s%n", decision.keep() ? "keep" : "remove", decision.repository(),
          decision.version().tag(), decision.reason());
    }
    out().printf("freed %s in %d blobs; the cache holds %s%s%n", Sizes.format(report.bytesFreed()), report.blobsRemoved(),
        Sizes.format(report.bytesKept()),
        report.overBudget() ? " — still over the budget of " + Sizes.format(budget) + ": only current and pending versions are left" : "");
    return 0;
  }
}
