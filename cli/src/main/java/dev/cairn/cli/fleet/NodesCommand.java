package dev.cairn.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import picocli.CommandLine.Command;

/** {@code cairn fleet nodes}: every node, connected or not, with its worst volume status. */
@Command(name = "nodes", mixinStandardHelpOptions = true, description = "List the fleet's nodes.")
final class NodesCommand extends FleetSubcommand {
  @Override
  JsonNode execute(FleetClient client) throws FleetException {
    return client.get("/api/v1/nodes");
  }

  @Override
  void printHuman(JsonNode nodes, PrintStream out) {
    Table table = new Table("NAME", "CONNECTED", "LAST SEEN", "AGENT", "DESIRED", "APPLIED", "HEALTH");
    for (JsonNode node : nodes) {
      table.row(text(node, "name"),
          node.get("revoked").asBoolean() ? "revoked" : node.get("connected").asBoolean() ? "yes" : "no",
          text(node, "lastSeen"), text(node, "agentVersion"), text(node, "desiredVersion"),
          text(node, "appliedVersion"), worstStatus(node.get("health")));
    }
    table.print(out);
  }

  /** critical > warning > unknown > ok; "-" before the first report. */
  static String worstStatus(JsonNode health) {
    if (health == null || health.isNull()) {
      return "-";
    }
    String worst = "ok";
    for (JsonNode volume : health.path("volumes")) {
      String status = volume.path("status").asText();
      if (rank(status) > rank(worst)) {
        worst = status;
      }
    }
    return worst;
  }

  private static int rank(String status) {
    return switch (status) {
      case "critical" -> 3;
      case "warning" -> 2;
      case "unknown" -> 1;
      default -> 0;
    };
  }
}
