package dev.cairn.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.cli.testing.ControllerFixture;
import dev.cairn.cli.testing.Rest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/cairn agent run} through the real launcher, in an install of its own (the launcher
 * copied, the built jars linked): the first run records the agent's class list, the second builds
 * the class-data archive from it and connects, the third maps that archive (it runs with
 * {@code -Xshare:on}, under which the JVM refuses to start if it cannot).
 */
class AgentClassDataIT {

  private static final Path BUILT = Path.of("target").toAbsolutePath();
  private static final Path AGENT_DEPENDENCIES = Path.of("..", "agent", "target", "lib").toAbsolutePath().normalize();

  @TempDir Path dir;
  private ControllerFixture controller;
  private Process agent;

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (controller != null) {
      controller.close();
    }
  }

  @Test
  void agentRun_secondStartBuildsTheArchive_thirdStartMapsIt() throws Exception {
    Path install = install();
    controller = new ControllerFixture(dir.resolve("controller")).start();
    Rest rest = controller.rest();
    JsonNode token = rest.createEnrollmentToken("cds");
    Path config = dir.resolve("agent.yml");
    Files.createDirectories(dir.resolve("ai-q/data/redis"));
    Files.writeString(config, """
        controller: 127.0.0.1:%d
        nodeName: cds
        stateDir: %s
        baseDir: %s
        enrollment:
          token: %s
          caFingerprint: %s
        """.formatted(controller.grpcPort(), dir.resolve("state"), dir.resolve("ai-q"),
        token.path("token").asText(), token.path("caFingerprint").asText()));
    Path list = install.resolve("cli/target/cairn-agent.classlist");
    Path archive = install.resolve("cli/target/cairn-agent.jsa");

    String first = runUntilConnected(install, config, rest, "");
    assertThat(first).doesNotContain("class-data archive");
    assertThat(archive).doesNotExist();
    assertThat(Files.readAllLines(list)).hasSizeGreaterThan(2000)
        .contains("dev/cairn/cli/agent/AgentMain", "io/grpc/okhttp/OkHttpChannelBuilder");

    String second = runUntilConnected(install, config, rest, "");
    assertThat(second).contains("cairn: building the agent's class-data archive");
    assertThat(Files.size(archive)).isGreaterThan(1 << 20);

    String third = runUntilConnected(install, config, rest, "-Xshare:on");
    assertThat(third).doesNotContain("class-data archive").doesNotContain("Error");
  }

  /** Starts the agent through the launcher, waits until the controller sees it, stops it with SIGTERM. */
  private String runUntilConnected(Path install, Path config, Rest rest, String javaOptions) throws Exception {
    Path log = Files.createTempFile(dir, "agent", ".log");
    ProcessBuilder builder = new ProcessBuilder(install.resolve("bin/cairn").toString(), "agent", "run", config.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("CAIRN_JAVA_OPTS", javaOptions);
    agent = builder.start();
    await().atMost(Duration.ofSeconds(90))
        .failFast(() -> !agent.isAlive())
        .until(() -> rest.connected("cds"));
    agent.destroy();
    assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
    agent = null;
    await().atMost(Duration.ofSeconds(30)).until(() -> !rest.connected("cds"));
    return Files.readString(log);
  }

  /** bin/cairn in a directory of its own, with the jars of this build linked where it looks for them. */
  private Path install() throws IOException {
    assertThat(BUILT.resolve("cairn.jar")).as("built by 'mvn package' before the ITs").exists();
    assertThat(BUILT.resolve("agent-lib")).as("built by 'mvn package' before the ITs").isDirectory();
    assertThat(AGENT_DEPENDENCIES).as("built by 'mvn package' before the ITs").isDirectory();
    Path install = dir.resolve("install");
    Files.createDirectories(install.resolve("bin"));
    Files.createDirectories(install.resolve("cli/target"));
    Files.createDirectories(install.resolve("agent/target"));
    Path launcher = install.resolve("bin/cairn");
    Files.copy(Path.of("..", "bin", "cairn"), launcher);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(install.resolve("cli/target/cairn.jar"), BUILT.resolve("cairn.jar"));
    Files.createSymbolicLink(install.resolve("cli/target/agent-lib"), BUILT.resolve("agent-lib"));
    Files.createSymbolicLink(install.resolve("agent/target/lib"), AGENT_DEPENDENCIES);
    return install;
  }
}
