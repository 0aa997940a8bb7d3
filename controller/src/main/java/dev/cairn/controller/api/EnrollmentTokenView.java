package dev.cairn.controller.api;

import java.time.Instant;

/**
 * A new enrollment token. {@code token} is shown only here, once; the agent needs it, {@code
 * caFingerprint} (to trust the controller before it has the CA) and {@code grpcTarget}.
 */
public record EnrollmentTokenView(
    String id, String token, String node, Instant expiresAt, String caFingerprint,
    String grpcTarget) {}
