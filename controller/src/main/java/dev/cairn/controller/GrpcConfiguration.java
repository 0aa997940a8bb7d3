package dev.cairn.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code grpc:} section: where agents connect. One TLS port serves both {@code Enrollment}
 * (no client certificate) and {@code AgentLink} (client certificate required); see
 * docs/security.md. Timing defaults follow docs/protocol.md.
 */
public class GrpcConfiguration {
  @NotEmpty private String bindHost = "127.0.0.1";

  @Min(0) @Max(65535) private int port = 7443;

  /** Host agents use to reach this controller (enrollment answers); default: bindHost. */
  private String advertisedHost;

  /** Extra DNS names or IP addresses for the server certificate (localhost, 127.0.0.1 always). */
  @NotNull private List<String> serverNames = new ArrayList<>();

  @NotNull private Duration keepAliveTime = Duration.seconds(60);
  @NotNull private Duration keepAliveTimeout = Duration.seconds(20);
  @NotNull private Duration permitKeepAliveTime = Duration.seconds(20);
  @NotNull private Duration maxConnectionAge = Duration.hours(12);
  @NotNull private Duration maxConnectionAgeGrace = Duration.minutes(1);

  @JsonProperty
  public String getBindHost() {
    return bindHost;
  }

  @JsonProperty
  public void setBindHost(String bindHost) {
    this.bindHost = bindHost;
  }

  @JsonProperty
  public int getPort() {
    return port;
  }

  @JsonProperty
  public void setPort(int port) {
    this.port = port;
  }

  @JsonProperty
  public String getAdvertisedHost() {
    return advertisedHost;
  }

  @JsonProperty
  public void setAdvertisedHost(String advertisedHost) {
    this.advertisedHost = advertisedHost;
  }

  @JsonProperty
  public List<String> getServerNames() {
    return serverNames;
  }

  @JsonProperty
  public void setServerNames(List<String> serverNames) {
    this.serverNames = serverNames;
  }

  @JsonProperty
  public Duration getKeepAliveTime() {
    return keepAliveTime;
  }

  @JsonProperty
  public void setKeepAliveTime(Duration keepAliveTime) {
    this.keepAliveTime = keepAliveTime;
  }

  @JsonProperty
  public Duration getKeepAliveTimeout() {
    return keepAliveTimeout;
  }

  @JsonProperty
  public void setKeepAliveTimeout(Duration keepAliveTimeout) {
    this.keepAliveTimeout = keepAliveTimeout;
  }

  @JsonProperty
  public Duration getPermitKeepAliveTime() {
    return permitKeepAliveTime;
  }

  @JsonProperty
  public void setPermitKeepAliveTime(Duration permitKeepAliveTime) {
    this.permitKeepAliveTime = permitKeepAliveTime;
  }

  @JsonProperty
  public Duration getMaxConnectionAge() {
    return maxConnectionAge;
  }

  @JsonProperty
  public void setMaxConnectionAge(Duration maxConnectionAge) {
    this.maxConnectionAge = maxConnectionAge;
  }

  @JsonProperty
  public Duration getMaxConnectionAgeGrace() {
    return maxConnectionAgeGrace;
  }

  @JsonProperty
  public void setMaxConnectionAgeGrace(Duration maxConnectionAgeGrace) {
    this.maxConnectionAgeGrace = maxConnectionAgeGrace;
  }

  /** Names for the server certificate: serverNames, plus the advertised and bind hosts. */
  public List<String> certificateNames() {
    List<String> names = new ArrayList<>(serverNames);
    names.add(advertisedHostOrDefault());
    if (!bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
      names.add(bindHost);
    }
    return names.stream().distinct().toList();
  }

  /** The host agents are told to dial. */
  public String advertisedHostOrDefault() {
    if (advertisedHost != null && !advertisedHost.isBlank()) {
      return advertisedHost;
    }
    return bindHost.equals("0.0.0.0") || bindHost.equals("::") ? "127.0.0.1" : bindHost;
  }
}
