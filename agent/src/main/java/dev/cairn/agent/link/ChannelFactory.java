package dev.cairn.agent.link;

import io.grpc.ManagedChannel;
import java.io.IOException;

/**
 * Opens the channels the link uses: one for enrollment (server-authenticated TLS, trusting the
 * CA with the pinned fingerprint) and one for the agent link (mutual TLS with the node's
 * identity, trusting only the pinned CA). {@link TlsChannelFactory} is the real one; tests may
 * use in-process channels.
 */
public interface ChannelFactory {

  ManagedChannel enrollment(CaFingerprint fingerprint) throws IOException;

  ManagedChannel agentLink(NodeIdentity identity) throws IOException;

  /** Where the channels go, for messages. */
  String target();
}
