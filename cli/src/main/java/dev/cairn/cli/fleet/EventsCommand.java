package dev.cairn.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cairn fleet events}: the fleet's event log, filtered. */
@Command(name = "events", mixinStandardHelpOptions = true, description = "Show fleet events.")
final class EventsCommand extends FleetSubcommand {
  @Option(names = "--node", paramLabel = "NAME", description = "Only this node.") String node;
  @Option(names = "--kind", paramLabel = "KIND", description = "Kind or dotted prefix (alert).") String kind;
  @Option(names = "--since", paramLabel = "INSTANT", description = "ISO-8601, e.g. 2026-01-31T00:00:00Z.") String since;
  @Option(names = "--limit", defaultValue = "100", description = "At most (default ${DEFAULT-VALUE}).") int limit;

  @Override
  JsonNode execute(FleetClient client) throws FleetException {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("node", node);
    query.put("kind", kind);
    query.put("since", since);
    query.put("limit", limit);
    return client.get(FleetClient.query("/api/v1/events", query));
  }

  @Override
  void printHuman(JsonNode events, PrintStream out) {
    Table table = new Table("RECEIVED", "NODE", "KIND", "SEVERITY", "MESSAGE");
    for (JsonNode event : events) {
      table.row(text(event, "received"), text(event, "node"), text(event, "kind"),
          text(event, "severity"), text(event, "message"));
    }
    table.print(out);
  }
}
