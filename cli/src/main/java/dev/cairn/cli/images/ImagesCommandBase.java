package dev.cairn.cli.images;

import dev.cairn.agent.image.ImageService;
import dev.cairn.agent.image.oci.ImageException;
import dev.cairn.agent.image.oci.OciJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Shared frame of the {@code cairn images} subcommands: opens the service, maps expected failures to
 * a one-line message and exit code 1 (no stack trace), prints JSON or text.
 */
abstract class ImagesCommandBase implements Callable<Integer> {

  @Mixin CacheOptions options;

  @Spec CommandSpec spec;

  /** Does the work; returns the exit code. */
  abstract int run(ImageService service) throws IOException, ImageException;

  @Override
  public final Integer call() {
    try {
      return run(options.open());
    } catch (ImageException | IOException | IllegalArgumentException e) {
      err().println("cairn images " + spec.name() + ": " + e.getMessage());
      return 1;
    } finally {
      try {
        options.close();
      } catch (IOException e) {
        err().println("cairn images " + spec.name() + ": closing the engine connection failed: " + e.getMessage());
      }
    }
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  void printJson(Object value) throws IOException {
    out().println(OciJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    out().flush();
  }

  TerminalProgress progress() {
    return TerminalProgress.forTerminal(err(), !options.json);
  }
}
