package dev.cairn.cli.images;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cairn images}: the node's offline image cache. */
@Command(
    name = "images",
    mixinStandardHelpOptions = true,
    description = {
      "The node's offline Docker image cache: import archives, load into the engine, roll back, collect garbage,"
          + " push to a site registry. See docs/images.md."
    },
    subcommands = {
      ImportCommand.class,
      ListCommand.class,
      LoadCommand.class,
      RollbackCommand.class,
      GcCommand.class,
      PushCommand.class
    })
public final class ImagesCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: see 'cairn images --help'.");
  }
}
