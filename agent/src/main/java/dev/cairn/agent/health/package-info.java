/**
 * Volume health: for every volume of the catalogue ({@code layout}), used bytes, filesystem
 * capacity and free space, inode use, growth and forecast days to full, drift from the catalogue
 * and how its backup schedules went, with a status ({@code ok}, {@code warning}, {@code critical})
 * from the policy's thresholds; reported periodically and on the {@code report-health} command
 * through the outbox, and turned into alerts.
 *
 * <p>Terms: a <em>finding</em> is one thing found about a volume (a {@link
 * dev.cairn.agent.health.Condition} at a level, with a message); the status is the worst finding.
 * A <em>sample</em> is the used bytes of a volume at one instant; the growth history keeps a ring
 * of them per volume for the least-squares forecast. The <em>policy</em> holds the thresholds
 * (desired state's {@code alertThresholds}). {@link dev.cairn.agent.health.BackupStatusSource} is
 * how the scheduler's run history reaches the report. Depends on {@code layout}, {@code alert},
 * {@code outbox}, {@code command} (its handler) and the proto contract. Operator guide: {@code
 * docs/volumes.md}.
 */
package dev.cairn.agent.health;
