/**
 * Volume health: for every directory of the seed's layout that exists under the base directory,
 * used bytes, filesystem capacity and free space, inode use and a status ({@code ok}, {@code
 * warning} at 80 % filesystem use, {@code critical} at 90 %, configurable), reported periodically
 * and on the {@code report-health} command through the outbox.
 *
 * <p>Terms: the <em>layout</em> ({@link dev.cairn.agent.health.VolumeLayout}) is the list of
 * directories looked at (the full catalogue comes from desired state later); a <em>probe</em>
 * measures one filesystem. Depends on {@code outbox}, {@code command} (its handler) and the proto
 * contract.
 */
package dev.cairn.agent.health;
