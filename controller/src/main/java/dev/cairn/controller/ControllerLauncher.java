package dev.cairn.controller;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.FileAppenderFactory;
import io.dropwizard.request.logging.old.LogbackClassicRequestLogFactory;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.server.Server;

/**
 * Starts a controller inside the calling JVM (quickstart, tests) and hands back a {@link
 * RunningController} to reach and stop it. Ports set to 0 are chosen free.
 */
public final class ControllerLauncher {
  private ControllerLauncher() {}

  public static RunningController start(ControllerConfiguration config) throws Exception {
    logRequestsToFile(config);
    ControllerApplication application = new ControllerApplication();
    Bootstrap<ControllerConfiguration> bootstrap = new Bootstrap<>(application);
    application.initialize(bootstrap);
    Server server = new InProcessServerCommand(application).start(bootstrap, config);
    return new RunningController(server, application.runtime());
  }

  /**
   * An in-process controller shares the caller's console (quickstart prints its URL and token
   * there; the fleet CLI prints tables), so a request log still on its default console appender
   * goes to {@code <dataDir>/logs/requests.log} instead, rotated daily and kept 14 days.
   */
  private static void logRequestsToFile(ControllerConfiguration config) {
    if (!(config.getServerFactory() instanceof DefaultServerFactory server)
        || !(server.getRequestLogFactory() instanceof LogbackClassicRequestLogFactory requestLog)
        || !requestLog.getAppenders().stream().allMatch(a -> a instanceof ConsoleAppenderFactory)) {
      return;
    }
    Path logs = config.getDataDir().toAbsolutePath().resolve("logs");
    FileAppenderFactory<ILoggingEvent> file = new FileAppenderFactory<>();
    file.setCurrentLogFilename(logs.resolve("requests.log").toString());
    file.setArchivedLogFilenamePattern(logs.resolve("requests-%d.log.gz").toString());
    file.setArchivedFileCount(14);
    requestLog.setAppenders(List.of(file));
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
