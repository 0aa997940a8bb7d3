package dev.cairn.cli.quickstart;

import dev.cairn.cli.ConsoleLogging;
import dev.cairn.cli.ShutdownSignal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn quickstart}: a controller and one local agent on embedded defaults, in the
 * foreground until Ctrl-C, which stops both and exits 0.
 */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = {
        "Starts a controller and one local agent on embedded defaults (RocksDB, CA, certificates and a volume"
            + " tree mirroring /opt/ai-q, all under DIR), enrolls the agent, prints the REST URL and an admin"
            + " token, and runs until Ctrl-C. Started again on the same DIR it reuses its state."})
public final class QuickstartCommand implements Callable<Integer> {

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "var/quickstart",
      description = "Where all state lives (default: ${DEFAULT-VALUE}).")
  private Path dir;

  @Option(names = "--http-port", paramLabel = "N", defaultValue = "8080",
      description = "REST API port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any free port).")
  private int httpPort;

  @Option(names = "--admin-port", paramLabel = "N", defaultValue = "0",
      description = "Admin port (health checks, metrics) on 127.0.0.1 (default: any free port).")
  private int adminPort;

  @Option(names = "--grpc-port", paramLabel = "N", defaultValue = "7443",
      description = "gRPC port agents dial (default: ${DEFAULT-VALUE}; 0 = any free port).")
  private int grpcPort;

  @Override
  public Integer call() throws Exception {
    ConsoleLogging.configure();
    ShutdownSignal signal = ShutdownSignal.install();
    Quickstart quickstart;
    try {
      quickstart = Quickstart.start(new Quickstart.Options(dir, httpPort, adminPort, grpcPort));
    } catch (Exception e) {
      System.err.println("cairn quickstart: cannot start: " + e.getMessage());
      return 1;
    }
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!quickstart.agent().link().isConnected() && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    print(quickstart);
    String received = signal.await();
    System.err.println("cairn quickstart: " + received + " received, stopping the agent and the controller");
    quickstart.close();
    System.err.println("cairn quickstart: stopped");
    return 0;
  }

  private static void print(Quickstart quickstart) throws java.io.IOException {
    String rest = quickstart.controller().restUrl().toString();
    Path token = quickstart.dir().resolve("admin.token");
    System.out.println("Cairn quickstart in " + quickstart.dir());
    System.out.println("  REST API:     " + rest + "/api/v1");
    System.out.println("  Admin token:  " + quickstart.controller().adminToken() + "  (also in " + token + ")");
    System.out.println("  gRPC:         " + quickstart.controller().grpcTarget() + "  CA "
        + quickstart.controller().caFingerprint());
    System.out.println("  Agent:        node '" + quickstart.agent().configuration().nodeName() + "' "
        + (quickstart.agent().link().isConnected() ? "connected" : "not connected yet (see the log)")
        + (quickstart.enrolledNow() ? ", enrolled now" : ", enrolled before")
        + "; volumes under " + quickstart.agent().configuration().baseDir());
    System.out.println("  Try:          CAIRN_URL=" + rest + " CAIRN_TOKEN=$(cat " + token + ") bin/cairn fleet nodes");
    System.out.println("Ctrl-C stops both.");
    System.out.flush();
  }
}
