package dev.cairn.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn fleet runs [ID]}: the newest fleet runs, or one run's PLAY RECAP. */
@Command(name = "runs", mixinStandardHelpOptions = true,
    description = "List fleet runs, or show one (its per-host results and PLAY RECAP).")
final class RunsCommand extends FleetSubcommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "A run's id.")
  String id;

  @Option(names = "--limit", defaultValue = "50",
      description = "At most this many runs (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  JsonNode execute(FleetClient client) throws FleetException {
    return id == null ? client.get(FleetClient.query("/api/v1/runs", Map.of("limit", limit)))
        : client.get("/api/v1/runs/" + FleetClient.segment(id));
  }

  @Override
  void printHuman(JsonNode answer, PrintStream out) {
    if (id != null) {
      PlayRecap.print(answer, out);
      return;
    }
    Table table = new Table("ID", "PATTERN", "KIND", "STATUS", "CREATED", "OK", "CHANGED",
        "FAILED", "PENDING", "SKIPPED");
    for (JsonNode run : answer) {
      JsonNode c = run.path("counts");
      table.row(text(run, "id"), text(run, "pattern"), text(run, "kind"), text(run, "status"),
          text(run, "created"), c.path("ok").asText(), c.path("changed").asText(),
          String.valueOf(c.path("failed").asInt() + c.path("expired").asInt()),
          c.path("pending").asText(), c.path("skipped").asText());
    }
    table.print(out);
  }
}
