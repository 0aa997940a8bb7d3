package dev.cairn.agent.health;

import dev.cairn.agent.command.Command;
import dev.cairn.agent.command.CommandContext;
import dev.cairn.agent.command.CommandHandler;
import dev.cairn.agent.command.Completion;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/** Runs {@link Command.ReportHealth}: writes a health report now; OK with a summary. Thread-safe. */
public final class ReportHealthHandler implements CommandHandler<Command.ReportHealth> {

  private final HealthReporter reporter;

  public ReportHealthHandler(HealthReporter reporter) {
    this.reporter = reporter;
  }

  @Override
  public Completion handle(Command.ReportHealth command, CommandContext context) throws IOException {
    HealthReport report = reporter.report();
    return Completion.ok("reported " + report.volumes().size() + " volumes",
        Map.of("volumes", report.volumes().size(), "worst", report.worst().name().toLowerCase(Locale.ROOT)));
  }
}
