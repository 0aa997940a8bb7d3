package dev.cairn.controller.model;

/**
 * One entry of an agent's outbox as the controller stores it (docs/protocol.md: every health
 * report, command result, event and desired-state acknowledgement has a {@code seq}).
 */
public sealed interface AgentEntry {

  /** A health report; replaces the node's latest. */
  record Health(HealthRecord health) implements AgentEntry {}

  /** A command's result; settles the command's status. */
  record Result(ResultRecord result) implements AgentEntry {}

  /** An event for the fleet's event log. */
  record Event(EventRecord event) implements AgentEntry {}

  /** The agent applied desired-state {@code version} with this outcome. */
  record Applied(long version, String outcome, String message) implements AgentEntry {}
}
