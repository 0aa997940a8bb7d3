package dev.cairn.agent.command;

import dev.cairn.agent.outbox.EventPublisher;
import java.time.Clock;

/**
 * What a {@link CommandHandler} may use besides its command: the delivery envelope, the agent's
 * clock and the event publisher (progress and alerts go through the outbox). Immutable.
 */
public record CommandContext(QueuedCommand queued, Clock clock, EventPublisher events) {}
