package dev.cairn.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn fleet audit} (admin): who changed what, when, with what outcome. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Show the audit log (admin).")
final class AuditCommand extends FleetSubcommand {
  @Option(names = "--since", paramLabel = "INSTANT", description = "ISO-8601 instant.") String since;
  @Option(names = "--limit", defaultValue = "100", description = "At most (default ${DEFAULT-VALUE}).") int limit;

  @Override
  JsonNode execute(FleetClient client) throws FleetException {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("since", since);
    query.put("limit", limit);
    return client.get(FleetClient.query("/api/v1/audit", query));
  }

  @Override
  void printHuman(JsonNode entries, PrintStream out) {
    Table table = new Table("AT", "ACTOR", "ACTION", "STATUS", "OUTCOME");
    for (JsonNode entry : entries) {
      table.row(text(entry, "at"), text(entry, "actor"), text(entry, "action"),
          text(entry, "status"), text(entry, "outcome"));
    }
    table.print(out);
  }
}
