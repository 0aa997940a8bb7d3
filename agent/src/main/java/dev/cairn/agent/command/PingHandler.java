package dev.cairn.agent.command;

import java.util.Map;

/** Runs {@link Command.Ping}: answers OK with the payload echoed in the details. Stateless. */
public final class PingHandler implements CommandHandler<Command.Ping> {

  @Override
  public Completion handle(Command.Ping command, CommandContext context) {
    return Completion.ok("pong", Map.of("payload", command.payload()));
  }
}
