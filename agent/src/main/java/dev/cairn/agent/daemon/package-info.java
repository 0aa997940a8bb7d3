/**
 * The long-running agent: its YAML {@link dev.cairn.agent.daemon.AgentConfiguration} and the
 * {@link dev.cairn.agent.daemon.AgentDaemon} that wires outbox, commands, desired state, health
 * and link together and stops them cleanly. The only package that depends on all the others;
 * nothing depends on it except the command line.
 */
package dev.cairn.agent.daemon;
