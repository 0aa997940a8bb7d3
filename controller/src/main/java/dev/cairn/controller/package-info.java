/**
 * The Cairn controller: {@link dev.cairn.controller.ControllerApplication} (Dropwizard) and its
 * configuration, and {@link dev.cairn.controller.ControllerLauncher} for starting it in-process.
 *
 * <p>Package dependencies, no cycles: {@code resources} (JAX-RS, thin) and {@code grpc} (gRPC,
 * thin) → {@code service} → {@code store} (interfaces) ← {@code store.rocksdb}. {@code model} and
 * {@code api} are values used by all; {@code error} is the failure table; {@code pki} the CA;
 * {@code auth} REST authentication; {@code health} admin checks; {@code files} crash-safe writes.
 */
package dev.cairn.controller;
