package dev.cairn.controller.model;

import java.time.Instant;

/**
 * A filter over the event log. {@code node} and {@code kind} may be null (any); {@code kind}
 * matches exactly or as a dotted prefix ({@code alert} matches {@code alert.raised}). Without
 * {@code since} the newest {@code limit} events are returned; with it, the oldest after it.
 */
public record EventQuery(String node, String kind, Instant since, int limit) {
  public boolean matches(EventRecord event) {
    return (node == null || node.equals(event.node()))
        && (kind == null || kind.equals(event.kind()) || event.kind().startsWith(kind + "."));
  }
}
