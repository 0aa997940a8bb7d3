/**
 * The fleet view's rules, as pure functions of what the controller stores: when a node is
 * <b>stale</b> (not heard from for longer than its health interval and schedules allow, {@link
 * dev.cairn.controller.fleet.ContactRule}), when a volume's backup schedule is <b>overdue</b> or
 * <b>failing</b> ({@link dev.cairn.controller.fleet.BackupCheck}), and how long a cron schedule
 * may go between runs ({@link dev.cairn.controller.fleet.CronPeriod}). Depends on {@code model}
 * only; {@code service} uses it. Definitions are documented in docs/rest-api.md.
 */
package dev.cairn.controller.fleet;
