/**
 * Node-local snapshot commands: {@code repo init}, {@code repo key}, {@code snapshot},
 * {@code restore}, {@code snapshots}, {@code diff}, {@code verify}, {@code prune},
 * {@code restore-test}, {@code copy}. They parse, call {@code dev.cairn.agent.snapshot} and print
 * (human text or {@code --json}); expected failures become one line on stderr and exit status 1.
 */
package dev.cairn.cli.snapshot;
