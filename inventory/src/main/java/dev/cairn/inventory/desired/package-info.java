/**
 * Desired state: what one node should look like, resolved from its {@code cairn_*} inventory
 * variables by {@link dev.cairn.inventory.desired.DesiredStateResolver}. Terms:
 *
 * <ul>
 *   <li><b>volume catalogue</b>: every directory of the node's layout with owner, group, mode,
 *       tier, backup policy and repository; by default the seed's layout and seven services;
 *   <li><b>backup policy</b>: a named retention rule set with restic's {@code forget} semantics;
 *   <li><b>schedule</b>: a cron-timed job the agent runs by itself (snapshot, forget, prune,
 *       verify, restore test, log rotation);
 *   <li><b>hooks</b>: per-service steps run before and after a snapshot;
 *   <li><b>images</b>: which version of each image should be current, under which alias;
 *   <li><b>repository</b>: where snapshots go (a local directory or S3).
 * </ul>
 *
 * <p>{@link dev.cairn.inventory.desired.DesiredState} is the contract between controller and
 * agent; {@link dev.cairn.inventory.desired.DesiredStateCodec} is its JSON form. Depends on
 * {@code dev.cairn.inventory} only. The vocabulary is documented in {@code docs/inventory.md}.
 */
package dev.cairn.inventory.desired;
