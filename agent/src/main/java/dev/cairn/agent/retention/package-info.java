/**
 * Retention: which snapshots {@code forget} keeps, with restic's semantics, as a pure function
 * ({@link dev.cairn.agent.retention.Retention#apply}).
 *
 * <p>Terms:
 *
 * <ul>
 *   <li><b>group</b> — the snapshots of one host and one volume; every rule applies to each group
 *       on its own.
 *   <li><b>bucket</b> — a calendar hour, day, ISO week, month or year in the node's time zone; a
 *       bucket rule keeps the newest snapshot of each bucket it counts.
 *   <li><b>count rule</b> — {@code --keep-last/-hourly/-daily/-weekly/-monthly/-yearly N}: the
 *       newest N buckets that hold a snapshot ({@code -1}: all of them).
 *   <li><b>within rule</b> — {@code --keep-within[-hourly|...] DURATION}: snapshots (or bucket
 *       newest snapshots) younger than DURATION before the group's latest snapshot.
 *   <li><b>reason</b> — the name of a rule that keeps a snapshot; a snapshot is kept if any rule
 *       keeps it, and lists every such rule.
 * </ul>
 *
 * <p>Depends on nothing else in the agent (callers map their snapshot records to {@link
 * dev.cairn.agent.retention.SnapshotRef}). Rules and examples: {@code docs/retention.md}.
 */
package dev.cairn.agent.retention;
