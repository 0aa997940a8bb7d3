package dev.cairn.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn fleet desired get|put}: a node's or a group's desired state. */
@Command(name = "desired", mixinStandardHelpOptions = true,
    description = "Read or replace desired state of a node or a group.",
    subcommands = {DesiredCommand.Get.class, DesiredCommand.Put.class})
final class DesiredCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: get or put.");
  }

  /** Exactly one of --node or --group. */
  static final class Target {
    @Option(names = "--node", paramLabel = "NAME", required = true, description = "A node.")
    String node;

    @Option(names = "--group", paramLabel = "NAME", required = true, description = "A group.")
    String group;

    String path() {
      return node != null ? "/api/v1/nodes/" + FleetClient.segment(node) + "/desired"
          : "/api/v1/groups/" + FleetClient.segment(group) + "/desired";
    }
  }

  static void print(JsonNode desired, PrintStream out) {
    out.println(desired.get("scope").asText() + " " + desired.get("name").asText() + ": version "
        + desired.get("version").asText());
    out.println(desired.get("spec").toPrettyString());
    JsonNode effective = desired.get("effective");
    if (effective != null && !effective.isNull()) {
      out.println("effective (groups " + desired.get("groups") + ", version "
          + effective.get("version").asText() + "):");
      out.println(effective.get("spec").toPrettyString());
    }
  }

  /** {@code desired get}. */
  @Command(name = "get", mixinStandardHelpOptions = true, description = "Show desired state.")
  static final class Get extends FleetSubcommand {
    @ArgGroup(exclusive = true, multiplicity = "1") Target target;

    @Override
    JsonNode execute(FleetClient client) throws FleetException {
      return client.get(target.path());
    }

    @Override
    void printHuman(JsonNode answer, PrintStream out) {
      print(answer, out);
    }
  }

  /** {@code desired put FILE}. */
  @Command(name = "put", mixinStandardHelpOptions = true,
      description = "Replace desired state with a JSON object from FILE ('-' = standard input).")
  static final class Put extends FleetSubcommand {
    @ArgGroup(exclusive = true, multiplicity = "1") Target target;

    @Parameters(index = "0", paramLabel = "FILE", description = "JSON object; '-' reads stdin.")
    String file;

    @Override
    JsonNode execute(FleetClient client) throws FleetException {
      JsonNode spec;
      try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
        spec = FleetClient.JSON.readTree(in);
      } catch (IOException e) {
        throw new FleetException("Cannot read a JSON object from " + file + ": " + e.getMessage());
      }
      if (spec == null || !spec.isObject()) {
        throw new FleetException(file + " must hold one JSON object");
      }
      return client.put(target.path(), spec);
    }

    @Override
    void printHuman(JsonNode answer, PrintStream out) {
      print(answer, out);
    }
  }
}
