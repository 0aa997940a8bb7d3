/**
 * Short-lived external tools (coreutils' {@code stat}, {@code chmod}, {@code touch}, {@code mknod})
 * run with a deadline: their output is read on its own thread, so a tool that hangs (a dead mount)
 * or a grandchild that keeps the pipe open can never block the caller past the deadline.
 */
package dev.cairn.agent.process;
