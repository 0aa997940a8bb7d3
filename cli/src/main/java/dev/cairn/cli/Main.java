package dev.cairn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** Entry point of {@code bin/cairn}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLineFor(args).execute(args));
  }

  /** The command tree, as {@code bin/cairn} runs it; tests drive it the same way. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new CairnCommand());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }

  /**
   * The command tree for one run: when the first argument names a subcommand, the root with that
   * subcommand alone (picocli inspects every registered command class when a tree is built, which
   * took a few hundred milliseconds of each short snapshot command's start); otherwise the whole
   * tree ({@link #newCommandLine()}), so help, version and errors are those of {@code cairn}.
   */
  static CommandLine commandLineFor(String[] args) {
    Class<?> only = args.length == 0 ? null : subcommand(args[0]);
    if (only == null) {
      return newCommandLine();
    }
    Command root = CairnCommand.class.getAnnotation(Command.class);
    CommandSpec spec = CommandSpec.wrapWithoutInspection(new CairnCommand());
    spec.name(root.name()).mixinStandardHelpOptions(root.mixinStandardHelpOptions()).versionProvider(new VersionProvider());
    spec.usageMessage().description(root.description());
    CommandLine commandLine = new CommandLine(spec);
    commandLine.addSubcommand(new CommandLine(only));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }

  /**
   * The class of the subcommand of {@code cairn} with this name or alias, or null. The class named
   * after the command ({@code ImagesCommand} for {@code images}, {@code RestoreTestCommand} for
   * {@code restore-test}) is tried first: reading a class's annotations loads every class they name
   * (a command's whole subcommand list), which for all the commands before it took ~70 ms.
   */
  static Class<?> subcommand(String name) {
    Class<?>[] candidates = CairnCommand.class.getAnnotation(Command.class).subcommands();
    for (Class<?> candidate : candidates) {
      if (conventionalName(candidate).equals(name) && names(candidate, name)) {
        return candidate;
      }
    }
    for (Class<?> candidate : candidates) {
      if (names(candidate, name)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean names(Class<?> candidate, String name) {
    Command command = candidate.getAnnotation(Command.class);
    return command != null && (command.name().equals(name) || java.util.Arrays.asList(command.aliases()).contains(name));
  }

  /** {@code RestoreTestCommand} → {@code restore-test}. */
  static String conventionalName(Class<?> command) {
    String simple = command.getSimpleName();
    if (simple.endsWith("Command")) {
      simple = simple.substring(0, simple.length() - "Command".length());
    }
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < simple.length(); i++) {
      char c = simple.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        name.append('-');
      }
      name.append(Character.toLowerCase(c));
    }
    return name.toString();
  }
}
