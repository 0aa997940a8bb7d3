package dev.cairn.cli.controller;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cairn controller}: runs the controller. */
@Command(
    name = "controller",
    mixinStandardHelpOptions = true,
    description = "Runs the Cairn controller (REST API for operators, gRPC for agents).",
    subcommands = {ControllerServerCommand.class})
public final class ControllerCommand implements Runnable {
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: try 'cairn controller server'.");
  }
}
