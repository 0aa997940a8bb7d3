package dev.cairn.cli;

import dev.cairn.cli.agent.AgentCommand;
import dev.cairn.cli.controller.ControllerCommand;
import dev.cairn.cli.fleet.FleetCommand;
import dev.cairn.cli.images.ImagesCommand;
import dev.cairn.cli.inventory.InventoryCommand;
import dev.cairn.cli.quickstart.QuickstartCommand;
import dev.cairn.cli.snapshot.CopyCommand;
import dev.cairn.cli.snapshot.DiffCommand;
import dev.cairn.cli.snapshot.ForgetCommand;
import dev.cairn.cli.snapshot.PruneCommand;
import dev.cairn.cli.snapshot.RepoCommand;
import dev.cairn.cli.snapshot.RestoreCommand;
import dev.cairn.cli.snapshot.RestoreTestCommand;
import dev.cairn.cli.snapshot.SnapshotCommand;
import dev.cairn.cli.snapshot.SnapshotsCommand;
import dev.cairn.cli.snapshot.VerifyCommand;
import dev.cairn.cli.volumes.VolumesCommand;
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
      ControllerCommand.class,
      AgentCommand.class,
      QuickstartCommand.class,
      FleetCommand.class,
      InventoryCommand.class,
      RepoCommand.class,
      SnapshotCommand.class,
      SnapshotsCommand.class,
      RestoreCommand.class,
      DiffCommand.class,
      VerifyCommand.class,
      ForgetCommand.class,
      PruneCommand.class,
      RestoreTestCommand.class,
      CopyCommand.class,
      ImagesCommand.class,
      VolumesCommand.class,
    })
public final class CairnCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: see 'cairn --help'.");
  }
}
