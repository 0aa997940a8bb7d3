package dev.cairn.agent.desired;

import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of the node's desired state: the resolved document, as it came (a {@code Struct}'s
 * encoding; {@link dev.cairn.agent.wire.StructEncoding} reads it), and when it changed. Immutable.
 */
public record DesiredState(long version, ByteString spec, Instant updated) {

  public DesiredState {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(updated, "updated");
    if (version <= 0) {
      throw new IllegalArgumentException("desired-state version must be positive: " + version);
    }
  }
}
