package dev.cairn.controller.store;

import dev.cairn.controller.model.EventRecord;
import dev.cairn.controller.model.EventQuery;
import java.util.List;

/** The fleet's append-only event log. */
public interface EventStore {
  /** Appends an event raised by the controller; {@code durable} waits for the fsync. */
  EventRecord append(EventRecord event, boolean durable);

  /** Events matching the query, oldest first. */
  List<EventRecord> query(EventQuery query);
}
