package dev.cairn.cli.agent;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cairn agent}: runs the node agent. */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description = "Runs the Cairn node agent (health, commands, store-and-forward link to the controller).",
    subcommands = {AgentRunCommand.class})
public final class AgentCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: try 'cairn agent run'.");
  }
}
