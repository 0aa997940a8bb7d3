package dev.cairn.cli.fleet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cairn fleet}: the operator's client of the controller's REST API. */
@Command(
    name = "fleet",
    mixinStandardHelpOptions = true,
    description = {"Operate the fleet through the controller's REST API.",
        "Set CAIRN_URL and CAIRN_TOKEN (or pass --url and --token)."},
    subcommands = {
        NodesCommand.class,
        NodeCommand.class,
        DesiredCommand.class,
        CommandCommand.class,
        EventsCommand.class,
        AuditCommand.class,
        TokensCommand.class,
        EnrollTokenCommand.class,
        RevokeCommand.class,
        RunCommand.class,
        RunsCommand.class,
    })
public final class FleetCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: see 'cairn fleet --help'.");
  }
}
