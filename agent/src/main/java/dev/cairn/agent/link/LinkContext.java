package dev.cairn.agent.link;

import dev.cairn.agent.command.CommandService;
import dev.cairn.agent.desired.DesiredStateService;
import dev.cairn.agent.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What a {@link LinkSession} works with: the stores it reads and feeds, its settings, the link's
 * single thread and what it says in {@code Hello}. Immutable.
 */
record LinkContext(Outbox outbox, CommandService commands, DesiredStateService desired, LinkOptions options,
    Clock clock, ScheduledExecutorService executor, String agentVersion, String hostname, Instant started) {}
