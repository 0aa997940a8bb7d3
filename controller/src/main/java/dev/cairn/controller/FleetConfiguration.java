package dev.cairn.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/**
 * The {@code fleet:} section of the controller's configuration: how long a node may be silent
 * beyond its schedule before it is stale, how late a backup may be before it is overdue, the
 * health interval assumed when desired state names none, the default expiry of fleet runs, and
 * the largest inventory upload.
 */
public class FleetConfiguration {
  @NotNull private Duration staleGrace = Duration.minutes(15);
  @NotNull private Duration backupGrace = Duration.hours(1);
  @NotNull private Duration defaultHealthInterval = Duration.seconds(60);
  @NotNull private Duration runTtl = Duration.hours(24);
  @NotNull private DataSize maxInventorySize = DataSize.mebibytes(32);

  @JsonProperty
  public Duration getStaleGrace() {
    return staleGrace;
  }

  @JsonProperty
  public void setStaleGrace(Duration staleGrace) {
    this.staleGrace = staleGrace;
  }

  @JsonProperty
  public Duration getBackupGrace() {
    return backupGrace;
  }

  @JsonProperty
  public void setBackupGrace(Duration backupGrace) {
    this.backupGrace = backupGrace;
  }

  @JsonProperty
  public Duration getDefaultHealthInterval() {
    return defaultHealthInterval;
  }

  @JsonProperty
  public void setDefaultHealthInterval(Duration defaultHealthInterval) {
    this.defaultHealthInterval = defaultHealthInterval;
  }

  @JsonProperty
  public Duration getRunTtl() {
    return runTtl;
  }

  @JsonProperty
  public void setRunTtl(Duration runTtl) {
    this.runTtl = runTtl;
  }

  @JsonProperty
  public DataSize getMaxInventorySize() {
    return maxInventorySize;
  }

  @JsonProperty
  public void setMaxInventorySize(DataSize maxInventorySize) {
    this.maxInventorySize = maxInventorySize;
  }

  static java.time.Duration java(Duration duration) {
    return java.time.Duration.ofMillis(duration.toMilliseconds());
  }
}
