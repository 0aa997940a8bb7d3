package dev.cairn.controller;

import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.nio.file.Path;
import org.eclipse.jetty.server.Server;

/**
 * Starts a controller inside the calling JVM (quickstart, tests) and hands back a {@link
 * RunningController} to reach and stop it. Ports set to 0 are chosen free.
 */
public final class ControllerLauncher {
  private ControllerLauncher() {}

  public static RunningController start(ControllerConfiguration config) throws Exception {
    ControllerApplication application = new ControllerApplication();
    Bootstrap<ControllerConfiguration> bootstrap = new Bootstrap<>(application);
    application.initialize(bootstrap);
    Server server = new InProcessServerCommand(application).start(bootstrap, config);
    return new RunningController(server, application.runtime());
  }

  /** Reads a YAML configuration file (as {@code cairn controller server FILE} would) and starts. */
  public static RunningController start(Path configFile) throws Exception {
    return start(read(configFile));
  }

  public static ControllerConfiguration read(Path configFile) throws Exception {
    return new YamlConfigurationFactory<>(ControllerConfiguration.class,
        Validators.newValidator(), Jackson.newObjectMapper(), "dw")
        .build(new FileConfigurationSourceProvider(), configFile.toString());
  }
}
