package dev.cairn.cli;

import dev.cairn.cli.images.ImagesCommand;
import dev.cairn.cli.inventory.InventoryCommand;
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
      ImagesCommand.class,
      InventoryCommand.class,
      dev.cairn.cli.snapshot.RepoCommand.class,
      dev.cairn.cli.snapshot.SnapshotCommand.class,
      dev.cairn.cli.snapshot.RestoreCommand.class,
      dev.cairn.cli.snapshot.SnapshotsCommand.class,
      dev.cairn.cli.snapshot.DiffCommand.class,
      dev.cairn.cli.snapshot.VerifyCommand.class,
      dev.cairn.cli.snapshot.PruneCommand.class,
      dev.cairn.cli.snapshot.RestoreTestCommand.class,
      dev.cairn.cli.snapshot.CopyCommand.class,
    })
public final class CairnCommand implements Runnable {

  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: see 'cairn --help'.");
  }
}
