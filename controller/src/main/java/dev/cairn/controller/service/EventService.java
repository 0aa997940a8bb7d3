package dev.cairn.controller.service;

import dev.cairn.controller.model.EventQuery;
import dev.cairn.controller.model.EventRecord;
import dev.cairn.controller.store.ControllerStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Reads the fleet's event log and appends the controller's own events to it. */
public final class EventService {
  public static final int MAX_LIMIT = 1000;
  private final ControllerStore store;
  private final Clock clock;

  public EventService(ControllerStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public List<EventRecord> query(EventQuery query) {
    return store.events().query(new EventQuery(query.node(), query.kind(), query.since(),
        Math.max(1, Math.min(MAX_LIMIT, query.limit()))));
  }

  /** Appends an event raised by the controller ({@code node.enrolled}, ...). */
  public void raise(String node, String kind, String severity, String message,
      Map<String, String> attributes, boolean durable) {
    var now = clock.instant();
    store.events().append(new EventRecord(0, node, java.util.UUID.randomUUID().toString(),
        kind, severity, message, attributes, now, now), durable);
  }
}
