package dev.cairn.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cairn fleet node NAME}: one node in detail, with its volumes' health. */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Show one node.")
final class NodeCommand extends FleetSubcommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "Node name.")
  String name;

  @Override
  JsonNode execute(FleetClient client) throws FleetException {
    return client.get("/api/v1/nodes/" + FleetClient.segment(name));
  }

  @Override
  void printHuman(JsonNode node, PrintStream out) {
    for (String field : new String[] {"name", "connected", "lastSeen", "agentVersion", "hostname",
        "enrolledAt", "revoked", "groups", "desiredVersion", "appliedVersion", "appliedOutcome"}) {
      JsonNode value = node.get(field);
      out.printf("%-15s %s%n", field + ":", value == null || value.isNull() ? "-"
          : value.isArray() ? value.toString() : value.asText());
    }
    JsonNode health = node.get("health");
    if (health == null || health.isNull()) {
      out.println("health:         no report yet");
      return;
    }
    out.println("health at:      " + text(health, "at"));
    Table table = new Table("PATH", "NAME", "USED", "CAPACITY", "FREE", "INODES%", "STATUS", "PROBLEMS");
    for (JsonNode volume : health.path("volumes")) {
      table.row(text(volume, "path"), text(volume, "name"), bytes(volume.path("usedBytes").asLong()),
          bytes(volume.path("capacityBytes").asLong()), bytes(volume.path("freeBytes").asLong()),
          String.format("%.1f", volume.path("inodesUsedPercent").asDouble()), text(volume, "status"),
          problems(volume));
    }
    table.print(out);
  }

  private static String problems(JsonNode volume) {
    StringBuilder text = new StringBuilder();
    for (JsonNode problem : volume.path("problems")) {
      text.append(text.length() == 0 ? "" : "; ").append(problem.asText());
    }
    return text.length() == 0 ? "-" : text.toString();
  }

  static String bytes(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " B" : String.format("%.1f %s", value, units[unit]);
  }
}
