package dev.cairn.controller;

import io.dropwizard.core.cli.EnvironmentCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import org.eclipse.jetty.server.Server;

/**
 * Dropwizard's server command without the command line: runs the application with an already
 * built configuration object and keeps the Jetty server so that the caller can stop it. Leaves
 * the caller's logging configuration alone.
 */
final class InProcessServerCommand extends EnvironmentCommand<ControllerConfiguration> {
  private Server server;

  InProcessServerCommand(ControllerApplication application) {
    super(application, "in-process", "Runs the controller inside the calling JVM");
  }

  Server start(Bootstrap<ControllerConfiguration> bootstrap, ControllerConfiguration config)
      throws Exception {
    run(bootstrap, new Namespace(Map.of()), config);
    return server;
  }

  @Override
  protected void run(Environment environment, Namespace namespace, ControllerConfiguration config)
      throws Exception {
    Server built = config.getServerFactory().build(environment);
    try {
      built.start();
    } catch (Exception e) {
      built.stop();
      throw e;
    }
    server = built;
  }
}
