package dev.cairn.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn fleet tokens create|list|delete} (admin): API tokens. */
@Command(name = "tokens", mixinStandardHelpOptions = true, description = "Manage API tokens (admin).",
    subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Delete.class})
final class TokensCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: create, list or delete.");
  }

  /** {@code tokens create NAME --role ROLE}. */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a token; its secret is printed once.")
  static final class Create extends FleetSubcommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "Who or what uses it.") String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
        description = "viewer, operator or admin.") String role;

    @Override
    JsonNode execute(FleetClient client) throws FleetException {
      return client.post("/api/v1/tokens", Map.of("name", name, "role", role));
    }

    @Override
    void printHuman(JsonNode token, PrintStream out) {
      out.println("Token " + text(token, "id") + " (" + text(token, "role") + ") for " + text(token, "name"));
      out.println(text(token, "token"));
      out.println("This secret is shown only now; store it safely.");
    }
  }

  /** {@code tokens list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (no secrets).")
  static final class ListTokens extends FleetSubcommand {
    @Override
    JsonNode execute(FleetClient client) throws FleetException {
      return client.get("/api/v1/tokens");
    }

    @Override
    void printHuman(JsonNode tokens, PrintStream out) {
      Table table = new Table("ID", "NAME", "ROLE", "CREATED", "CREATED BY");
      for (JsonNode token : tokens) {
        table.row(text(token, "id"), text(token, "name"), text(token, "role"), text(token, "created"),
            text(token, "createdBy"));
      }
      table.print(out);
    }
  }

  /** {@code tokens delete ID}. */
  @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a token.")
  static final class Delete extends FleetSubcommand {
    @Parameters(index = "0", paramLabel = "ID") String id;

    @Override
    JsonNode execute(FleetClient client) throws FleetException {
      client.delete("/api/v1/tokens/" + FleetClient.segment(id));
      return FleetClient.JSON.createObjectNode().put("deleted", id);
    }

    @Override
    void printHuman(JsonNode answer, PrintStream out) {
      out.println("Deleted token " + id);
    }
  }
}
