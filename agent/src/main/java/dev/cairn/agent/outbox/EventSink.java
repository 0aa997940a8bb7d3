package dev.cairn.agent.outbox;

import dev.cairn.proto.v1.Severity;
import java.io.IOException;
import java.util.Map;

/**
 * Where an event goes: the agent's outbox ({@link EventPublisher}) or, in a job process, a line on
 * its standard output ({@code job.child.JobMain}), which the agent that started it writes to its
 * outbox.
 */
@FunctionalInterface
public interface EventSink {

  /** Sends one event; {@code kind} is dotted, e.g. {@code image.loaded}; attributes are free-form strings. */
  void publish(String kind, Severity severity, String message, Map<String, String> attributes) throws IOException;
}
