package dev.cairn.agent.image.command;

import dev.cairn.agent.command.Command;
import dev.cairn.agent.command.CommandContext;
import dev.cairn.agent.command.CommandException;
import dev.cairn.agent.command.CommandHandler;
import dev.cairn.agent.command.Completion;
import java.io.IOException;

/**
 * Runs {@link Command.LoadImages}: loads each {@code name:tag} from the node's image cache into the
 * engine and makes it current (moves the alias), as {@code cairn images load} does. Thread-safe.
 */
public final class LoadImagesHandler implements CommandHandler<Command.LoadImages> {

  private final ImageJobs images;

  public LoadImagesHandler(ImageJobs images) {
    this.images = images;
  }

  @Override
  public Completion handle(Command.LoadImages command, CommandContext context) throws CommandException, IOException,
      InterruptedException {
    if (command.images().isEmpty()) {
      throw new CommandException("load-images names no images; pass \"images\": [\"name:tag\", ...] of images"
          + " imported on the node (cairn images list)");
    }
    return images.load(command.id(), command.images());
  }
}
