/**
 * Durable local state primitives shared by the agent's stores: {@link
 * dev.cairn.agent.state.AtomicFile} (whole-file replace: temp file, fsync, atomic rename, fsync of
 * the directory) and {@link dev.cairn.agent.state.RecordFile} (an append-only file of framed,
 * CRC-32C-checked records whose torn tail is detected and cut off on open), and {@link
 * dev.cairn.agent.state.FileTree} (deleting a tree without following symlinks, safe to repeat).
 *
 * <p>Terms: a <em>record</em> is one framed body; a <em>torn tail</em> is what a crash leaves
 * behind when it interrupts an append that had not yet been fsynced. Formats are specified in
 * {@code docs/agent-state.md}. Depends on nothing else in the agent.
 */
package dev.cairn.agent.state;
