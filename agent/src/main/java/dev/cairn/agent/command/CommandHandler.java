package dev.cairn.agent.command;

import java.io.IOException;

/**
 * Runs one kind of {@link Command}. Registered in a {@link CommandRegistry} under the command's
 * record class; called by the {@link CommandService} on its single worker thread, one command at a
 * time, in seq order, at most once per command id. A handler should be idempotent where it can
 * (a re-delivered command with a new id is a new command).
 *
 * @param <C> the command record it runs
 */
@FunctionalInterface
public interface CommandHandler<C extends Command> {

  /**
   * Runs the command. Throw {@link CommandException} for an expected failure (the message is sent
   * to the operator); an {@link IOException} also ends the command {@link Outcome#FAILED}.
   *
   * @throws InterruptedException when the agent is shutting down; the command is then reported as
   *     interrupted on the next start and not run again
   */
  Completion handle(C command, CommandContext context) throws CommandException, IOException, InterruptedException;
}
