package dev.cairn.cli.images;

import dev.cairn.agent.image.ImageResult;
import dev.cairn.agent.image.Outcome;
import java.io.IOException;
import java.util.List;

/** Prints load and rollback results; exit code 1 if any failed. */
final class ResultPrinter {

  private ResultPrinter() {}

  static int print(ImagesCommandBase command, List<ImageResult> results) throws IOException {
    if (command.options.json) {
      command.printJson(results);
    } else {
      for (ImageResult result : results) {
        (result.outcome() == Outcome.FAILED ? command.err() : command.out())
            .printf("%-7s %s: %s%n", result.outcome(), result.image(), result.detail());
      }
      command.err().flush();
    }
    return results.stream().anyMatch(r -> r.outcome() == Outcome.FAILED) ? 1 : 0;
  }
}
