package dev.cairn.controller;

import dev.cairn.controller.grpc.GrpcServer;
import dev.cairn.controller.pki.CertificateAuthority;
import dev.cairn.controller.service.DeviceService;
import java.nio.file.Path;

/** What a running controller was built from, for {@link RunningController} and tests. */
public record ControllerRuntime(
    GrpcServer grpcServer,
    String grpcHost,
    CertificateAuthority authority,
    DeviceService devices,
    Path dataDir,
    Path adminTokenFile) {}
