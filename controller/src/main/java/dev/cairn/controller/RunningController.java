package dev.cairn.controller;

import dev.cairn.controller.pki.Certificates;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;

/**
 * A controller started in this JVM by {@link ControllerLauncher}: where to reach it and how to
 * stop it. {@link #close()} stops Jetty, the gRPC server (closing agent streams) and RocksDB.
 */
public final class RunningController implements AutoCloseable {
  private final Server server;
  private final ControllerRuntime runtime;

  RunningController(Server server, ControllerRuntime runtime) {
    this.server = server;
    this.runtime = runtime;
  }

  /** Base URL of the REST API, e.g. {@code http://127.0.0.1:8080} (append {@code /api/v1/...}). */
  public URI restUrl() {
    return url("application");
  }

  /** Base URL of the admin port ({@code /healthcheck}, {@code /metrics}). */
  public URI adminUrl() {
    return url("admin");
  }

  public int grpcPort() {
    return runtime.grpcServer().port();
  }

  /** {@code host:port} agents dial. */
  public String grpcTarget() {
    return runtime.grpcHost() + ":" + grpcPort();
  }

  /** {@code sha256:<hex of the CA certificate's DER>}. */
  public String caFingerprint() {
    return runtime.authority().fingerprint();
  }

  public X509Certificate caCertificate() {
    return runtime.authority().certificate();
  }

  /** PEM of the CA certificate. */
  public String caCertificatePem() {
    return Certificates.toPem(runtime.authority().certificate());
  }

  /** {@code <dataDir>/admin.token}: the bootstrap admin token's secret (mode 0600). */
  public Path adminTokenFile() {
    return runtime.adminTokenFile();
  }

  /** The bootstrap admin token's secret, read from {@link #adminTokenFile()}. */
  public String adminToken() throws IOException {
    return Files.readString(runtime.adminTokenFile()).trim();
  }

  public Path dataDir() {
    return runtime.dataDir();
  }

  public int connectedAgents() {
    return runtime.devices().connectedCount();
  }

  private URI url(String connectorName) {
    for (Connector connector : server.getConnectors()) {
      if (connector instanceof NetworkConnector network && connectorName.equals(connector.getName())) {
        String host = network.getHost() == null || network.getHost().equals("0.0.0.0")
            ? "127.0.0.1" : network.getHost();
        return URI.create("http://" + host + ":" + network.getLocalPort());
      }
    }
    throw new IllegalStateException("No " + connectorName + " connector");
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
