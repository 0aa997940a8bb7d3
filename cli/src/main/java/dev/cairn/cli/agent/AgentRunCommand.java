package dev.cairn.cli.agent;

import dev.cairn.agent.daemon.AgentConfiguration;
import dev.cairn.agent.daemon.AgentConfigurationException;
import dev.cairn.agent.daemon.AgentDaemon;
import dev.cairn.agent.daemon.AgentStartException;
import dev.cairn.cli.ConsoleLogging;
import dev.cairn.cli.ShutdownSignal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn agent run [CONFIG.yml]}: runs the agent in the foreground until SIGINT or SIGTERM,
 * then stops it cleanly and exits 0.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the agent in the foreground until Ctrl-C or SIGTERM.",
        "Keys of CONFIG.yml (controller, nodeName, stateDir, baseDir, enrollment, health, outbox, link):"
            + " see docs/operations.md."})
public final class AgentRunCommand implements Callable<Integer> {

  /** How often the idle agent checks whether its heap can shrink ({@link HeapTrim}). */
  private static final Duration HEAP_TRIM_PERIOD = Duration.ofSeconds(20);

  /** Where the configuration is when none is named. */
  static final String DEFAULT_CONFIG = "/etc/cairn/agent.yml";

  @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG.yml", defaultValue = DEFAULT_CONFIG,
      description = "Agent configuration (YAML); default: ${DEFAULT-VALUE}.")
  private Path config;

  @Override
  public Integer call() throws InterruptedException {
    return run(config);
  }

  /** Runs the agent with the configuration in {@code config} until a signal; returns the exit code. */
  static int run(Path config) throws InterruptedException {
    ConsoleLogging.configure();
    AgentConfiguration configuration;
    try {
      configuration = AgentConfiguration.load(config);
    } catch (AgentConfigurationException e) {
      System.err.println("cairn agent: " + e.getMessage());
      return 2;
    }
    if (configuration.jobsInProcess() && System.getProperty("java.vm.info", "").contains("interpreted mode")) {
      System.err.println("cairn agent: warning: jobs.inProcess is set and this JVM runs interpreted (-Xint, bin/cairn's"
          + " default for the agent): snapshots, restores and image loads will be many times slower; start the agent"
          + " with CAIRN_JAVA_OPTS='-Xmixed -XX:TieredStopAtLevel=1'");
    }
    ShutdownSignal signal = ShutdownSignal.install();
    AgentDaemon daemon;
    try {
      daemon = AgentDaemon.start(configuration);
    } catch (AgentStartException e) {
      System.err.println("cairn agent: " + e.getMessage());
      return 1;
    }
    String received;
    try (HeapTrim trim = HeapTrim.start(HEAP_TRIM_PERIOD)) {
      received = signal.await();
    }
    System.err.println("cairn agent: " + received + " received, stopping");
    daemon.close();
    return 0;
  }
}
