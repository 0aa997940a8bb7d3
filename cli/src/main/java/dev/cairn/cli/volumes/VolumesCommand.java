package dev.cairn.cli.volumes;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cairn volumes}: the node's volume layout and its health. */
@Command(
    name = "volumes",
    mixinStandardHelpOptions = true,
    description = "Lay out the node's volumes from the catalogue and check their health (see docs/volumes.md).",
    subcommands = {VolumesInitCommand.class, VolumesHealthCommand.class})
public final class VolumesCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: see 'cairn volumes --help'.");
  }
}
