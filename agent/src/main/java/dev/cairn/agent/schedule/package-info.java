/**
 * Schedules that run without the controller: cron expressions in the node's time zone start
 * snapshots (followed by retention, and for the monthly schedule a copy to the archive), restore
 * tests, repository verification and the rotation of Cairn's own logs. Terms: a <em>schedule</em>
 * is a name, a cron expression and an action; a <em>slot</em> is an instant the expression
 * matches; a <em>run</em> executes a schedule once. A slot missed while the node was off is
 * caught up once at start, however many slots were missed. Each run is recorded in the {@link
 * dev.cairn.agent.schedule.RunHistory} (which also answers the health report's backup status),
 * sent as a {@code schedule.run} event, and raises or clears an alert. The clock is injected.
 * Depends on {@code job}, {@code alert}, {@code outbox}, {@code health} (its status types) and
 * {@code state}; the daemon depends on it.
 */
package dev.cairn.agent.schedule;
