package dev.cairn.cli.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * Base of the fleet commands: takes the shared options, runs the request, prints JSON or text,
 * and turns a {@link FleetException} into a one-line message and exit code 1.
 */
abstract class FleetSubcommand implements Callable<Integer> {
  @Mixin FleetOptions options;

  /** Does the work; returns the controller's answer to print. */
  abstract JsonNode execute(FleetClient client) throws FleetException;

  /** Prints the answer for people. */
  abstract void printHuman(JsonNode answer, PrintStream out);

  /** Exit code for a successful answer (a command that failed on the node returns 1). */
  int exitCode(JsonNode answer) {
    return 0;
  }

  @Override
  public Integer call() {
    try {
      JsonNode answer = execute(options.client());
      if (options.json) {
        System.out.println(answer == null ? "null"
            : FleetClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
      } else {
        printHuman(answer, System.out);
      }
      return exitCode(answer);
    } catch (FleetException e) {
      System.err.println("cairn fleet: " + e.getMessage());
      return 1;
    } catch (JsonProcessingException e) {
      System.err.println("cairn fleet: cannot print the answer: " + e.getMessage());
      return 1;
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? "-" : value.asText();
  }
}
