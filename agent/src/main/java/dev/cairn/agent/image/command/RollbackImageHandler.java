package dev.cairn.agent.image.command;

import dev.cairn.agent.command.Command;
import dev.cairn.agent.command.CommandContext;
import dev.cairn.agent.command.CommandException;
import dev.cairn.agent.command.CommandHandler;
import dev.cairn.agent.command.Completion;
import dev.cairn.agent.image.Source;
import dev.cairn.agent.image.cache.Progress;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@link Command.RollbackImage}: moves the image's alias to the named tag or, without one, to
 * the version before the current one, re-loading it from the cache if the engine lost it, as {@code
 * cairn images rollback} does. Thread-safe.
 */
public final class RollbackImageHandler implements CommandHandler<Command.RollbackImage> {

  private final NodeImages images;

  public RollbackImageHandler(NodeImages images) {
    this.images = images;
  }

  @Override
  public Completion handle(Command.RollbackImage command, CommandContext context) throws CommandException, IOException {
    if (command.image() == null || command.image().isBlank()) {
      throw new CommandException("rollback-image names no image; pass \"image\": \"name\" and optionally"
          + " \"toTag\": \"TAG\"");
    }
    Optional<String> toTag = Optional.ofNullable(command.toTag()).filter(t -> !t.isBlank());
    return new ImageOutcomes(List.of(images.service().rollback(command.image(), toTag, Source.command(command.id()),
        Progress.NONE))).completion("rolled back");
  }
}
