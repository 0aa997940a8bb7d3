package dev.cairn.cli.agent;

import dev.cairn.cli.Main;
import java.nio.file.Path;

/**
 * Entry point of {@code bin/cairn agent}: {@code agent run [CONFIG.yml]} starts the agent directly,
 * without picocli, whose command model (about 170 classes) the long-running agent would otherwise
 * keep loaded for its whole life; every other form ({@code --help}, options, mistakes) goes to
 * {@link Main}, so usage and errors are those of {@code cairn agent}.
 */
public final class AgentMain {

  private AgentMain() {}

  public static void main(String[] args) throws InterruptedException {
    Path config = runConfig(args);
    if (config == null) {
      Main.main(args);
    } else {
      System.exit(AgentRunCommand.run(config));
    }
  }

  /** The configuration of a plain {@code agent run [CONFIG.yml]}, or null for anything else. */
  static Path runConfig(String[] args) {
    if (args.length < 2 || args.length > 3 || !args[0].equals("agent") || !args[1].equals("run")) {
      return null;
    }
    if (args.length == 2) {
      return Path.of(AgentRunCommand.DEFAULT_CONFIG);
    }
    return args[2].startsWith("-") ? null : Path.of(args[2]);
  }
}
