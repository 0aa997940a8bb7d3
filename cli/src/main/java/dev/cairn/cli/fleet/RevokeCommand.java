package dev.cairn.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cairn fleet revoke NODE} (admin): refuse the node's certificate from now on. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
    description = "Revoke a node: its certificate is refused and its stream closed (admin).")
final class RevokeCommand extends FleetSubcommand {
  @Parameters(index = "0", paramLabel = "NODE") String node;

  @Override
  JsonNode execute(FleetClient client) throws FleetException {
    return client.post("/api/v1/nodes/" + FleetClient.segment(node) + "/revoke", null);
  }

  @Override
  void printHuman(JsonNode answer, PrintStream out) {
    out.println("Revoked " + text(answer, "name") + "; re-enrolling it takes a token created for it.");
  }
}
