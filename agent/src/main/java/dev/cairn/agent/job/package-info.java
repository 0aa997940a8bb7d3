/**
 * Backup jobs: the snapshot operations the agent runs on its own volumes, for commands from the
 * controller and for the scheduler. Terms: the <em>repository</em> is the node's default
 * repository (default {@code <base>/backups/repo}); the <em>archive</em> is the repository monthly
 * snapshots are copied to (default {@code <base>/archives/repo}); a <em>volume</em> is a catalogue
 * name ({@code postgresql-data}) resolved to a directory under the base; a <em>job</em> is one
 * operation with a {@link dev.cairn.agent.command.Completion} as result. Depends on {@code
 * snapshot}, {@code retention}, {@code repository}, {@code crypto}, {@code backend} and {@code
 * command}; the {@code schedule} package and the daemon depend on it.
 */
package dev.cairn.agent.job;
