package dev.cairn.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.agent.command.CommandRegistry;
import dev.cairn.agent.daemon.AgentConfiguration;
import dev.cairn.agent.daemon.AgentDaemon;
import dev.cairn.agent.layout.CatalogueReader;
import dev.cairn.agent.layout.LayoutService;
import dev.cairn.agent.layout.RepairScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** Starts real agents (in this JVM) that enroll with a token from the controller's REST API. */
public final class TestAgents {

  private TestAgents() {}

  /** An agent configuration for {@code node}: state and a small volume tree under {@code dir}, fast timings. */
  public static AgentConfiguration configuration(Path dir, String node, String target, Rest rest) throws Exception {
    JsonNode token = rest.createEnrollmentToken(node);
    Path base = dir.resolve("ai-q");
    Files.createDirectories(base.resolve("data/postgresql"));
    Files.createDirectories(base.resolve("logs"));
    Files.write(base.resolve("data/postgresql/PG_VERSION"), "15\n".getBytes());
    return new AgentConfiguration()
        .setController(target)
        .setNodeName(node)
        .setStateDir(dir.resolve("state"))
        .setBaseDir(base)
        .setEnrollment(token.path("token").asText(), token.path("caFingerprint").asText())
        .setHealthInterval(Duration.ofSeconds(1))
        .setReconnect(Duration.ofMillis(50), Duration.ofMillis(500));
  }

  public static AgentDaemon start(Path dir, String node, String target, Rest rest,
      Consumer<CommandRegistry.Builder> handlers) throws Exception {
    AgentConfiguration configuration = configuration(dir, node, target, rest);
    configuration.validate(node);
    return AgentDaemon.start(configuration, handlers);
  }

  /** Creates the whole seed layout under {@code base}. */
  public static void seedLayout(Path base) throws Exception {
    new LayoutService().converge(CatalogueReader.defaults(base), RepairScope.MISSING);
  }
}
