package dev.cairn.cli.controller;

import com.codahale.metrics.MetricRegistry;
import dev.cairn.controller.ControllerConfiguration;
import dev.cairn.controller.ControllerLauncher;
import dev.cairn.controller.RunningController;
import io.dropwizard.logging.common.BootstrapLogging;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn controller server [CONFIG.yml]}: runs the controller in the foreground until it is
 * stopped (SIGINT/SIGTERM), then stops Jetty, gRPC and RocksDB cleanly.
 */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the controller in the foreground (Dropwizard convention).",
        "Without CONFIG: data in ./var/controller, REST on 127.0.0.1:8080, admin on 127.0.0.1:8081,"
            + " gRPC on 127.0.0.1:7443. See docs/operations.md."})
public final class ControllerServerCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG.yml",
      description = "Controller configuration (YAML).")
  private Path config;

  @Override
  public Integer call() throws Exception {
    BootstrapLogging.bootstrap();
    ControllerConfiguration configuration;
    if (config == null) {
      configuration = new ControllerConfiguration();
    } else if (!Files.isRegularFile(config)) {
      System.err.println("cairn controller: no configuration file at " + config);
      return 2;
    } else {
      try {
        configuration = ControllerLauncher.read(config);
      } catch (Exception e) {
        System.err.println("cairn controller: invalid configuration " + config + ": " + e.getMessage());
        return 2;
      }
    }
    configuration.getLoggingFactory().configure(new MetricRegistry(), "cairn-controller");
    RunningController controller;
    try {
      controller = ControllerLauncher.start(configuration);
    } catch (Exception e) {
      System.err.println("cairn controller: cannot start: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        controller.close();
      } catch (Exception e) {
        System.err.println("cairn controller: error while stopping: " + e.getMessage());
      } finally {
        stopped.countDown();
      }
    }, "cairn-controller-shutdown"));
    System.out.println("REST API:    " + controller.restUrl() + "/api/v1");
    System.out.println("Admin:       " + controller.adminUrl());
    System.out.println("gRPC:        " + controller.grpcTarget());
    System.out.println("CA:          " + controller.caFingerprint());
    System.out.println("Admin token: " + controller.adminTokenFile());
    stopped.await();
    return 0;
  }
}
