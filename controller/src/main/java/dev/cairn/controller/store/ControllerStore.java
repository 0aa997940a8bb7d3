package dev.cairn.controller.store;

/**
 * The controller's durable state. Every write a caller may acknowledge to someone (an HTTP
 * response, a gRPC {@code Ack}) has reached the write-ahead log with an fsync when the method
 * returns. Implementations are thread-safe.
 */
public interface ControllerStore extends AutoCloseable {
  NodeStore nodes();

  DesiredStore desired();

  CommandStore commands();

  AgentEntryStore agentEntries();

  EventStore events();

  AuditStore audit();

  ApiTokenStore apiTokens();

  EnrollmentTokenStore enrollmentTokens();

  InventoryStore inventory();

  RunStore runs();

  AlertStore alerts();

  /** Reads a known key; throws {@link dev.cairn.controller.error.StoreException} if storage fails. */
  void ping();

  @Override
  void close();
}
