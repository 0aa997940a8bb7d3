package dev.cairn.controller.testing;

import dev.cairn.controller.ControllerConfiguration;
import dev.cairn.controller.ControllerLauncher;
import dev.cairn.controller.RunningController;
import java.nio.file.Path;

/** Starts controllers for tests: data in a temp dir, every port chosen free on 127.0.0.1. */
public final class TestControllers {
  private TestControllers() {}

  public static ControllerConfiguration configuration(Path dataDir) {
    ControllerConfiguration config = new ControllerConfiguration().withHttpPorts(0, 0);
    config.setDataDir(dataDir);
    config.getGrpc().setPort(0);
    return config;
  }

  public static RunningController start(Path dataDir) throws Exception {
    return ControllerLauncher.start(configuration(dataDir));
  }

  /** An agent of {@code node} enrolled with a token from the REST API (not yet connected). */
  public static SimulatedAgent enrolled(RunningController controller, RestClient admin,
      String node) throws Exception {
    RestClient.Reply token = admin.post("/api/v1/enrollment-tokens", java.util.Map.of("node", node));
    if (token.status() != 201) {
      throw new AssertionError("Enrollment token for " + node + " refused: " + token.body());
    }
    SimulatedAgent agent = new SimulatedAgent(node, controller.grpcTarget(),
        controller.caCertificate());
    agent.enroll(token.body().get("token").asText());
    return agent;
  }
}
