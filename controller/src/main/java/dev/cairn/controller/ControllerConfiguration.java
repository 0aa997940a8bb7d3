package dev.cairn.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.request.logging.old.LogbackClassicRequestLogFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;

/**
 * The controller's configuration (YAML, Dropwizard conventions). Without a file every value has
 * an embedded default: data under {@code ./var/controller}, REST on 127.0.0.1:8080, admin on
 * 127.0.0.1:8081, gRPC on 127.0.0.1:7443.
 */
public class ControllerConfiguration extends Configuration {
  @NotNull private Path dataDir = Path.of("var", "controller");

  /** CA key and certificate; default {@code <dataDir>/ca}. */
  private Path caDir;

  @Valid @NotNull private GrpcConfiguration grpc = new GrpcConfiguration();

  @Valid @NotNull private FleetConfiguration fleet = new FleetConfiguration();

  /** How long client certificates issued at enrollment stay valid. */
  @NotNull private Duration clientCertificateValidity = Duration.days(5 * 365);

  /** How often pending commands are checked for expiry (and fleet runs for their end). */
  @NotNull private Duration commandExpiryInterval = Duration.seconds(10);

  public ControllerConfiguration() {
    DefaultServerFactory server = new DefaultServerFactory();
    server.setApplicationConnectors(List.of(connector(8080)));
    server.setAdminConnectors(List.of(connector(8081)));
    // logback-classic request log: logback-access prints its version checks to stdout at start,
    // and in the shaded jar (one manifest for all libraries) those checks always warn.
    server.setRequestLogFactory(new LogbackClassicRequestLogFactory());
    setServerFactory(server);
  }

  private static HttpConnectorFactory connector(int port) {
    HttpConnectorFactory connector = new HttpConnectorFactory();
    connector.setBindHost("127.0.0.1");
    connector.setPort(port);
    return connector;
  }

  /** Sets the REST and admin ports of the default server factory (0 = a free port). */
  public ControllerConfiguration withHttpPorts(int applicationPort, int adminPort) {
    DefaultServerFactory server = (DefaultServerFactory) getServerFactory();
    server.setApplicationConnectors(List.of(connector(applicationPort)));
    server.setAdminConnectors(List.of(connector(adminPort)));
    return this;
  }

  @JsonProperty
  public Path getDataDir() {
    return dataDir;
  }

  @JsonProperty
  public void setDataDir(Path dataDir) {
    this.dataDir = dataDir;
  }

  @JsonProperty
  public Path getCaDir() {
    return caDir;
  }

  @JsonProperty
  public void setCaDir(Path caDir) {
    this.caDir = caDir;
  }

  public Path caDirOrDefault() {
    return caDir != null ? caDir : dataDir.resolve("ca");
  }

  @JsonProperty
  public GrpcConfiguration getGrpc() {
    return grpc;
  }

  @JsonProperty
  public void setGrpc(GrpcConfiguration grpc) {
    this.grpc = grpc;
  }

  @JsonProperty
  public FleetConfiguration getFleet() {
    return fleet;
  }

  @JsonProperty
  public void setFleet(FleetConfiguration fleet) {
    this.fleet = fleet;
  }

  @JsonProperty
  public Duration getClientCertificateValidity() {
    return clientCertificateValidity;
  }

  @JsonProperty
  public void setClientCertificateValidity(Duration clientCertificateValidity) {
    this.clientCertificateValidity = clientCertificateValidity;
  }

  @JsonProperty
  public Duration getCommandExpiryInterval() {
    return commandExpiryInterval;
  }

  @JsonProperty
  public void setCommandExpiryInterval(Duration commandExpiryInterval) {
    this.commandExpiryInterval = commandExpiryInterval;
  }
}
