package dev.cairn.cli.testing;

import dev.cairn.controller.ControllerConfiguration;
import dev.cairn.controller.ControllerLauncher;
import dev.cairn.controller.RunningController;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A real controller in this JVM on 127.0.0.1 with its data in a temp directory. The first start
 * picks free ports; {@link #restart()} reuses them and the data, as an operator's restart would.
 */
public final class ControllerFixture implements AutoCloseable {

  private final Path dataDir;
  private RunningController running;
  private int httpPort;
  private int grpcPort;
  private Rest rest;

  public ControllerFixture(Path dataDir) {
    this.dataDir = dataDir;
  }

  public synchronized ControllerFixture start() throws Exception {
    ControllerConfiguration configuration = new ControllerConfiguration().withHttpPorts(httpPort, 0);
    configuration.setDataDir(dataDir);
    configuration.getGrpc().setPort(grpcPort);
    running = ControllerLauncher.start(configuration);
    httpPort = running.restUrl().getPort();
    grpcPort = running.grpcPort();
    rest = new Rest(running.restUrl(), running.adminToken());
    return this;
  }

  public synchronized void stop() throws Exception {
    if (running != null) {
      running.close();
      running = null;
    }
  }

  public synchronized void restart() throws Exception {
    stop();
    start();
  }

  public synchronized boolean isRunning() {
    return running != null;
  }

  public synchronized RunningController running() {
    return running;
  }

  public synchronized Rest rest() {
    return rest;
  }

  public int grpcPort() {
    return grpcPort;
  }

  public String caFingerprint() throws IOException {
    return running.caFingerprint();
  }

  @Override
  public void close() throws Exception {
    stop();
  }
}
