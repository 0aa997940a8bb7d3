package dev.cairn.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn fleet command send|get|list}: queue commands for nodes and follow them. */
@Command(name = "command", mixinStandardHelpOptions = true,
    description = "Send a command to a node, or show commands.",
    subcommands = {CommandCommand.Send.class, CommandCommand.Get.class, CommandCommand.ListCommands.class})
final class CommandCommand implements Runnable {
  static final Set<String> FINAL = Set.of("ok", "changed", "failed", "skipped", "expired");
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: send, get or list.");
  }

  static void print(JsonNode command, PrintStream out) {
    out.printf("%s  %s on %s (seq %s): %s%n", text(command, "id"), text(command, "kind"),
        text(command, "node"), text(command, "seq"), text(command, "status"));
    JsonNode result = command.get("result");
    if (result != null && !result.isNull()) {
      out.println("  " + text(result, "outcome") + ": " + text(result, "message"));
      if (result.hasNonNull("details")) {
        out.println("  details: " + result.get("details"));
      }
    }
  }

  static String text(JsonNode node, String field) {
    return FleetSubcommand.text(node, field);
  }

  static int exit(JsonNode command) {
    String status = command.path("status").asText();
    return status.equals("failed") || status.equals("expired") ? 1 : 0;
  }

  /** {@code command send NODE KIND [--arg k=v]... [--wait]}. */
  @Command(name = "send", mixinStandardHelpOptions = true,
      description = {"Queue a command (ping, report-health, snapshot, ...) for a node.",
          "--arg k=v sets an argument; a value that parses as JSON (number, true, [..]) is used as"
              + " such; repeating a key makes a list."})
  static final class Send extends FleetSubcommand {
    @Parameters(index = "0", paramLabel = "NODE") String node;
    @Parameters(index = "1", paramLabel = "KIND") String kind;

    @Option(names = "--arg", paramLabel = "KEY=VALUE", description = "An argument of the command.")
    List<String> arguments = List.of();

    @Option(names = "--id", paramLabel = "ID", description = "Idempotency id (default: generated).")
    String id;

    @Option(names = "--ttl", paramLabel = "SECONDS", description = "Expire if not delivered in time.")
    Long ttlSeconds;

    @Option(names = "--wait", description = "Wait until the node answers (or the command expires).")
    boolean await;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
        description = "How long --wait waits (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    JsonNode execute(FleetClient client) throws FleetException {
      ObjectNode body = FleetClient.JSON.createObjectNode();
      if (id != null) {
        body.put("id", id);
      }
      body.put("kind", kind);
      body.set("arguments", parseArguments(arguments));
      if (ttlSeconds != null) {
        body.put("ttlSeconds", ttlSeconds);
      }
      JsonNode command = client.post("/api/v1/nodes/" + FleetClient.segment(node) + "/commands", body);
      return await ? waitFor(client, command) : command;
    }

    private JsonNode waitFor(FleetClient client, JsonNode command) throws FleetException {
      boolean terminal = System.console() != null;
      long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
      String path = "/api/v1/commands/" + FleetClient.segment(command.get("id").asText());
      while (!FINAL.contains(command.path("status").asText())) {
        if (System.nanoTime() > deadline) {
          throw new FleetException("Command " + command.get("id").asText() + " is still "
              + command.path("status").asText() + " after " + timeoutSeconds + " s; follow it with "
              + "'cairn fleet command get " + command.get("id").asText() + "'");
        }
        if (terminal) {
          System.err.print("\rwaiting for " + node + ": " + command.path("status").asText() + "   ");
        }
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new FleetException("Interrupted while waiting");
        }
        command = client.get(path);
      }
      if (terminal) {
        System.err.println();
      }
      return command;
    }

    @Override
    void printHuman(JsonNode command, PrintStream out) {
      print(command, out);
    }

    @Override
    int exitCode(JsonNode command) {
      return exit(command);
    }
  }

  static ObjectNode parseArguments(List<String> pairs) throws FleetException {
    ObjectNode arguments = FleetClient.JSON.createObjectNode();
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new FleetException("--arg needs KEY=VALUE, not '" + pair + "'");
      }
      String key = pair.substring(0, equals);
      JsonNode value = value(pair.substring(equals + 1));
      JsonNode existing = arguments.get(key);
      if (existing == null) {
        arguments.set(key, value);
      } else if (existing.isArray()) {
        ((ArrayNode) existing).add(value);
      } else {
        arguments.putArray(key).add(existing).add(value);
      }
    }
    return arguments;
  }

  private static JsonNode value(String text) {
    try {
      JsonNode parsed = FleetClient.JSON.readTree(text);
      if (parsed != null && (parsed.isNumber() || parsed.isBoolean() || parsed.isArray()
          || parsed.isObject())) {
        return parsed;
      }
    } catch (IOException e) {
      // not JSON: a plain string
    }
    return FleetClient.JSON.getNodeFactory().textNode(text);
  }

  /** {@code command get ID}. */
  @Command(name = "get", mixinStandardHelpOptions = true, description = "Show a command and its result.")
  static final class Get extends FleetSubcommand {
    @Parameters(index = "0", paramLabel = "ID") String id;

    @Override
    JsonNode execute(FleetClient client) throws FleetException {
      return client.get("/api/v1/commands/" + FleetClient.segment(id));
    }

    @Override
    void printHuman(JsonNode command, PrintStream out) {
      print(command, out);
    }
  }

  /** {@code command list NODE}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "A node's recent commands.")
  static final class ListCommands extends FleetSubcommand {
    @Parameters(index = "0", paramLabel = "NODE") String node;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    JsonNode execute(FleetClient client) throws FleetException {
      return client.get(FleetClient.query("/api/v1/nodes/" + FleetClient.segment(node) + "/commands",
          java.util.Map.of("limit", limit)));
    }

    @Override
    void printHuman(JsonNode commands, PrintStream out) {
      Table table = new Table("SEQ", "ID", "KIND", "STATUS", "CREATED", "OUTCOME MESSAGE");
      for (JsonNode command : commands) {
        table.row(text(command, "seq"), text(command, "id"), text(command, "kind"),
            text(command, "status"), text(command, "created"), text(command.get("result"), "message"));
      }
      table.print(out);
    }
  }
}
