package dev.cairn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cairn}: the root of the command tree; every subcommand is registered here. */
@Command(
    name = "cairn",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Keeps the persistent data of off-grid deployments alive.",
    subcommands = {
      dev.cairn.cli.controller.ControllerCommand.class,
      dev.cairn.cli.fleet.FleetCommand.class,
      dev.cairn.cli.agent.AgentCommand.class,
      dev.cairn.cli.quickstart.QuickstartCommand.class,
    })
public final class CairnCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: see 'cairn --help'.");
  }
}
