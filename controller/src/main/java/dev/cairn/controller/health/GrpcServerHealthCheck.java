package dev.cairn.controller.health;

import com.codahale.metrics.health.HealthCheck;
import dev.cairn.controller.grpc.GrpcServer;
import dev.cairn.controller.service.DeviceService;

/** Healthy while the gRPC server is serving; reports the port and connected agents. */
public final class GrpcServerHealthCheck extends HealthCheck {
  private final GrpcServer server;
  private final DeviceService devices;

  public GrpcServerHealthCheck(GrpcServer server, DeviceService devices) {
    this.server = server;
    this.devices = devices;
  }

  @Override
  protected Result check() {
    if (!server.running()) {
      return Result.unhealthy("The gRPC server is not running");
    }
    return Result.healthy("port " + server.port() + ", " + devices.connectedCount()
        + " agents connected");
  }
}
