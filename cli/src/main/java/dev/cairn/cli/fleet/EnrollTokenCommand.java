package dev.cairn.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cairn fleet enroll-token create} (admin): a one-time token for enrolling an agent. */
@Command(name = "enroll-token", mixinStandardHelpOptions = true,
    description = "Create enrollment tokens (admin).", subcommands = EnrollTokenCommand.Create.class)
final class EnrollTokenCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: create.");
  }

  /** {@code enroll-token create [--node N] [--ttl S]}. */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a one-time enrollment token; give it, the CA fingerprint and the gRPC"
          + " target to the node's agent.")
  static final class Create extends FleetSubcommand {
    @Option(names = "--node", paramLabel = "NAME", description = "Only this node name may use it.")
    String node;

    @Option(names = "--ttl", paramLabel = "SECONDS", description = "Validity (default 3600).")
    Long ttlSeconds;

    @Override
    JsonNode execute(FleetClient client) throws FleetException {
      ObjectNode body = FleetClient.JSON.createObjectNode();
      if (node != null) {
        body.put("node", node);
      }
      if (ttlSeconds != null) {
        body.put("ttlSeconds", ttlSeconds);
      }
      return client.post("/api/v1/enrollment-tokens", body);
    }

    @Override
    void printHuman(JsonNode token, PrintStream out) {
      out.println("token:          " + text(token, "token"));
      out.println("node:           " + text(token, "node"));
      out.println("expires:        " + text(token, "expiresAt"));
      out.println("ca fingerprint: " + text(token, "caFingerprint"));
      out.println("grpc target:    " + text(token, "grpcTarget"));
      out.println("The token is shown only now and works once.");
    }
  }
}
