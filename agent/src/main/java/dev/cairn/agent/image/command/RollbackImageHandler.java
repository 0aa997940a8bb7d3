package dev.cairn.agent.image.command;

import dev.cairn.agent.command.Command;
import dev.cairn.agent.command.CommandContext;
import dev.cairn.agent.command.CommandException;
import dev.cairn.agent.command.CommandHandler;
import dev.cairn.agent.command.Completion;
import java.io.IOException;
import java.util.Optional;

/**
 * Runs {@link Command.RollbackImage}: moves the image's alias to the named tag or, without one, to
 * the version before the current one, re-loading it from the cache if the engine lost it, as {@code
 * cairn images rollback} does. Thread-safe.
 */
public final class RollbackImageHandler implements CommandHandler<Command.RollbackImage> {

  private final ImageJobs images;

  public RollbackImageHandler(ImageJobs images) {
    this.images = images;
  }

  @Override
  public Completion handle(Command.RollbackImage command, CommandContext context) throws CommandException, IOException,
      InterruptedException {
    if (command.image() == null || command.image().isBlank()) {
      throw new CommandException("rollback-image names no image; pass \"image\": \"name\" and optionally"
          + " \"toTag\": \"TAG\"");
    }
    Optional<String> toTag = Optional.ofNullable(command.toTag()).filter(t -> !t.isBlank());
    return images.rollback(command.id(), command.image(), toTag);
  }
}
