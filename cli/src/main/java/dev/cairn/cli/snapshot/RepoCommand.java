package dev.cairn.cli.snapshot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code cairn repo}: create a repository and manage its keys. */
@Command(name = "repo", mixinStandardHelpOptions = true, description = "Create a snapshot repository and manage its keys.",
    subcommands = {RepoInitCommand.class, RepoKeyCommand.class})
public final class RepoCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: init or key");
  }
}
