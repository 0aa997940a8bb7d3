package dev.cairn.controller.grpc;

import io.grpc.Context;

/** The authenticated node of the current gRPC call, set by {@link IdentityInterceptor}. */
public final class NodeIdentity {
  /** The node name from the peer certificate's CN; absent on calls that need no certificate. */
  public static final Context.Key<String> NODE = Context.key("cairn-node");

  private NodeIdentity() {}
}
