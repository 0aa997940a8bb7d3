package dev.cairn.controller.health;

import com.codahale.metrics.health.HealthCheck;
import dev.cairn.controller.store.ControllerStore;

/** Healthy when the store answers a read. */
public final class RocksDbHealthCheck extends HealthCheck {
  private final ControllerStore store;

  public RocksDbHealthCheck(ControllerStore store) {
    this.store = store;
  }

  @Override
  protected Result check() {
    store.ping();
    return Result.healthy();
  }
}
