package dev.cairn.cli;

import picocli.CommandLine;

/** Entry point of {@code bin/cairn}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The command tree, as {@code bin/cairn} runs it; tests drive it the same way. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new CairnCommand());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }
}
