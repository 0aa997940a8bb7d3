/**
 * The {@code cairn} command line: one picocli tree assembling the controller, the agent, the
 * operator's fleet client and the node-local commands. Commands parse arguments and print; the
 * work is done by the agent, controller and inventory modules.
 */
package dev.cairn.cli;
