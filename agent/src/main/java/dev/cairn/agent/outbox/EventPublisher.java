package dev.cairn.agent.outbox;

import com.google.protobuf.util.Timestamps;
import dev.cairn.agent.wire.Attributes;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.Event;
import dev.cairn.proto.v1.Severity;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Writes events (alerts raised and cleared, audit of local actions, progress) to the outbox, from
 * where the link delivers them. Thread-safe.
 */
public final class EventPublisher implements EventSink {

  private final Outbox outbox;
  private final Clock clock;

  public EventPublisher(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Appends an event durably. {@code kind} is dotted, e.g. {@code alert.raised}; attributes are
   * free-form strings.
   */
  @Override
  public void publish(String kind, Severity severity, String message, Map<String, String> attributes)
      throws IOException {
    long now = clock.millis();
    Event event = Event.newBuilder()
        .setId(UUID.randomUUID().toString())
        .setKind(kind)
        .setSeverity(severity)
        .setMessage(message)
        .addAllAttributes(Attributes.of(attributes))
        .setAt(Timestamps.fromMillis(now))
        .build();
    AgentMessage envelope = AgentMessage.newBuilder()
        .setCreated(Timestamps.fromMillis(now))
        .setEvent(event)
        .build();
    outbox.append(EntryKind.EVENT, 0, envelope.toByteArray());
  }
}
