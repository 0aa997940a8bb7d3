/**
 * The agent-facing gRPC transport: the Netty TLS server, the identity interceptor (node name from
 * the client certificate's CN into the gRPC {@code Context}), and thin adapters from {@code
 * Enrollment} and {@code AgentLink} to the device-facing services. No protocol logic lives here.
 */
package dev.cairn.controller.grpc;
