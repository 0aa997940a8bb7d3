package dev.cairn.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn fleet run PATTERN COMMAND [KEY=VALUE...]}: runs a command on every node an
 * Ansible host pattern matches (over the applied inventory), waits for the results unless
 * {@code --detach}, and prints a PLAY RECAP.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run a command (ping, report-health, snapshot, ...) on the nodes an Ansible host"
        + " pattern matches, e.g. 'web:&production:!web3'.",
        "Offline nodes get it when they reconnect, until the run expires (--ttl).",
        "Exits 1 when a host failed or got no result in time."})
final class RunCommand extends FleetSubcommand {
  @Parameters(index = "0", paramLabel = "PATTERN", description = "Ansible host pattern.")
  String pattern;

  @Parameters(index = "1", paramLabel = "COMMAND", description = "Command kind, e.g. ping.")
  String kind;

  @Parameters(index = "2..*", paramLabel = "KEY=VALUE",
      description = "Arguments of the command; JSON literals are used as such.")
  List<String> arguments = List.of();

  @ArgGroup(exclusive = true)
  Mode mode = new Mode();

  @Option(names = "--ttl", paramLabel = "SECONDS",
      description = "The run expires after this long (default: the controller's fleet.runTtl).")
  Long ttlSeconds;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
      description = "How long to wait for the results (default ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  /** {@code --wait} (the default) or {@code --detach}. */
  static final class Mode {
    @Option(names = "--wait", description = "Wait until the run ends (default).")
    boolean await;

    @Option(names = "--detach", description = "Start the run and print its id without waiting.")
    boolean detach;
  }

  @Override
  JsonNode execute(FleetClient client) throws FleetException {
    ObjectNode body = FleetClient.JSON.createObjectNode();
    body.put("pattern", pattern);
    body.putObject("command").put("kind", kind)
        .set("arguments", CommandCommand.parseArguments(arguments));
    if (ttlSeconds != null) {
      body.put("ttlSeconds", ttlSeconds);
    }
    JsonNode run = client.post("/api/v1/runs", body);
    return mode.detach ? run : waitFor(client, run);
  }

  private JsonNode waitFor(FleetClient client, JsonNode run) throws FleetException {
    boolean terminal = System.console() != null;
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    String id = run.get("id").asText();
    while (run.path("status").asText().equals("running")) {
      if (System.nanoTime() > deadline) {
        throw new FleetException("Run " + id + " is still running after " + timeoutSeconds
            + " s (" + PlayRecap.summary(run) + "); follow it with 'cairn fleet runs " + id
            + "' or GET /api/v1/runs/" + id);
      }
      if (terminal) {
        JsonNode c = run.path("counts");
        System.err.print("\r" + id + ": " + (c.path("total").asInt() - c.path("pending").asInt())
            + "/" + c.path("total").asInt() + " hosts done   ");
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FleetException("Interrupted while waiting for run " + id);
      }
      run = client.get("/api/v1/runs/" + FleetClient.segment(id));
    }
    if (terminal) {
      System.err.println();
    }
    return run;
  }

  @Override
  void printHuman(JsonNode run, PrintStream out) {
    if (mode.detach) {
      out.println("started " + PlayRecap.summary(run));
      out.println("follow it with: cairn fleet runs " + run.path("id").asText());
      return;
    }
    PlayRecap.print(run, out);
  }

  @Override
  int exitCode(JsonNode run) {
    if (mode.detach) {
      return 0;
    }
    JsonNode c = run.path("counts");
    return c.path("failed").asInt() + c.path("expired").asInt() > 0 ? 1 : 0;
  }
}
