/**
 * The operations, composed from the packages of the write path: {@code SnapshotPipeline} (scan,
 * chunk, seal, pack, index, record), {@code RestorePipeline} (its mirror), {@code Verifier},
 * {@code RestoreTester}, {@code Pruner}, {@code Copier}, {@code TreeDiff}. The agent and the
 * command line call these; they depend on every package of the write path and on nothing else.
 */
package dev.cairn.agent.snapshot;
