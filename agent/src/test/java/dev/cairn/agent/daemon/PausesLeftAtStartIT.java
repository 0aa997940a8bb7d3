package dev.cairn.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cairn.agent.hook.PauseJournal;
import dev.cairn.agent.hook.SleepingContainer;
import dev.cairn.agent.image.testing.Dockerd;
import dev.cairn.agent.image.testing.DockerdExtension;
import dev.cairn.agent.job.LeftPauses;
import dev.cairn.proto.v1.Event;
import dev.cairn.proto.v1.Severity;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent that starts with a container in its pause journal (a snapshot's job process died while
 * the container was paused, and then the agent too) unpauses it in a job process and tells the
 * controller with an event. Real agent daemon, real job process, real Docker engine.
 */
@ExtendWith(DockerdExtension.class)
class PausesLeftAtStartIT {

  @TempDir Path dir;
  @TempDir static Path images;

  @Test
  void start_withAPausedContainerInTheJournal_unpausesItAndRaisesAnEvent(Dockerd dockerd) throws Exception {
    try (SleepingContainer pg = SleepingContainer.start(dockerd, images, "pg")) {
      String container = pg.name();
      dockerd.docker("pause", container);
      Path state = dir.resolve("state");
      PauseJournal.at(state.resolve("hooks/paused")).pausing(container);
      int closedPort;
      try (ServerSocket socket = new ServerSocket(0)) {
        closedPort = socket.getLocalPort();
      }
      AgentConfiguration configuration = new AgentConfiguration().setController("127.0.0.1:" + closedPort)
          .setNodeName("node-1").setStateDir(state).setBaseDir(dir.resolve("ai-q")).setDockerHost(dockerd.host());

      try (AgentDaemon agent = AgentDaemon.start(configuration)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !recovered(agent).isEmpty());

        assertThat(recovered(agent)).singleElement().satisfies(event -> {
          assertThat(event.getSeverity()).isEqualTo(Severity.SEVERITY_WARNING);
          assertThat(event.getMessage()).startsWith("unpaused " + container);
        });
        assertThat(pg.status()).isEqualTo("running");
        assertThat(PauseJournal.at(state.resolve("hooks/paused")).containers()).isEmpty();
      }
    }
  }

  private static List<Event> recovered(AgentDaemon agent) throws Exception {
    return OfflineSchedulesIT.events(agent, LeftPauses.EVENT);
  }
}
