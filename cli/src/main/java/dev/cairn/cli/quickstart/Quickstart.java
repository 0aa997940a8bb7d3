package dev.cairn.cli.quickstart;

import dev.cairn.agent.daemon.AgentConfiguration;
import dev.cairn.agent.daemon.AgentDaemon;
import dev.cairn.agent.layout.CatalogueReader;
import dev.cairn.agent.layout.LayoutService;
import dev.cairn.agent.layout.RepairScope;
import dev.cairn.agent.link.CaFingerprint;
import dev.cairn.agent.link.IdentityStore;
import dev.cairn.agent.link.NodeIdentity;
import dev.cairn.agent.state.AtomicFile;
import dev.cairn.controller.ControllerConfiguration;
import dev.cairn.controller.ControllerLauncher;
import dev.cairn.controller.RunningController;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A controller and one local agent in this JVM, on embedded defaults, all state under one
 * directory: {@code controller/} (RocksDB, CA, admin token), {@code agent/} (the agent's state),
 * {@code ai-q/} (a volume tree mirroring the seed's {@code /opt/ai-q}) and {@code admin.token}.
 * The agent enrolls itself through the REST API the first time; later starts on the same
 * directory reuse everything. Thread-safe to close once.
 */
public final class Quickstart implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Quickstart.class);
  private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  /** Where and on which ports (0 = any free port) to run. */
  public record Options(Path dir, int httpPort, int adminPort, int grpcPort) {}

  private final Path dir;
  private final RunningController controller;
  private final AgentDaemon agent;
  private final boolean enrolledNow;

  private Quickstart(Path dir, RunningController controller, AgentDaemon agent, boolean enrolledNow) {
    this.dir = dir;
    this.controller = controller;
    this.agent = agent;
    this.enrolledNow = enrolledNow;
  }

  public static Quickstart start(Options options) throws Exception {
    Path dir = options.dir().toAbsolutePath().normalize();
    Files.createDirectories(dir);
    ControllerConfiguration configuration = new ControllerConfiguration()
        .withHttpPorts(options.httpPort(), options.adminPort());
    configuration.setDataDir(dir.resolve("controller"));
    configuration.getGrpc().setPort(options.grpcPort());
    RunningController controller = ControllerLauncher.start(configuration);
    try {
      String adminToken = controller.adminToken();
      AtomicFile.write(dir.resolve("admin.token"), (adminToken + "\n").getBytes(StandardCharsets.UTF_8), true);
      Path base = dir.resolve("ai-q");
      new LayoutService().converge(CatalogueReader.defaults(base), RepairScope.MISSING);

      Path state = dir.resolve("agent");
      String node = nodeName();
      AgentConfiguration agentConfiguration = new AgentConfiguration()
          .setController(controller.grpcTarget())
          .setNodeName(node)
          .setStateDir(state)
          .setBaseDir(base)
          .setHealthInterval(Duration.ofSeconds(30));
      boolean enrollNow = !enrolledWith(state.resolve("identity"), controller.caFingerprint());
      if (enrollNow) {
        EnrollmentTokenClient.Token token = new EnrollmentTokenClient(controller.restUrl(), adminToken)
            .create(node, Duration.ofMinutes(10));
        agentConfiguration.setEnrollment(token.token(), token.caFingerprint());
      }
      agentConfiguration.validate("quickstart agent configuration");
      AgentDaemon agent = AgentDaemon.start(agentConfiguration);
      return new Quickstart(dir, controller, agent, enrollNow);
    } catch (Exception e) {
      controller.close();
      throw e;
    }
  }

  /**
   * Whether the agent state holds an identity issued by this controller's CA. An identity from
   * another CA (the controller directory was deleted) is moved aside so the agent enrolls again.
   */
  private static boolean enrolledWith(Path identityDir, String caFingerprint) throws IOException {
    Optional<NodeIdentity> identity = new IdentityStore(identityDir).load();
    if (identity.isEmpty()) {
      return false;
    }
    if (CaFingerprint.of(identity.get().ca()).equals(CaFingerprint.parse(caFingerprint))) {
      return true;
    }
    Path aside = identityDir.resolveSibling("identity.old-" + System.currentTimeMillis());
    LOG.warn("quickstart: the agent's identity is from another controller CA; moving it to {} and enrolling again",
        aside);
    Files.move(identityDir, aside);
    return false;
  }

  private static String nodeName() {
    String host = new AgentConfiguration().nodeName();
    return NODE_NAME.matcher(host).matches() ? host : "quickstart";
  }

  public Path dir() {
    return dir;
  }

  public RunningController controller() {
    return controller;
  }

  public AgentDaemon agent() {
    return agent;
  }

  /** Whether this start enrolled the agent (false when it reused an earlier enrollment). */
  public boolean enrolledNow() {
    return enrolledNow;
  }

  /** Stops the agent, then the controller. */
  @Override
  public void close() {
    agent.close();
    try {
      controller.close();
    } catch (Exception e) {
      LOG.warn("quickstart: error while stopping the controller: {}", e.toString());
    }
  }
}
