package dev.cairn.agent.image.command;

import dev.cairn.agent.command.CommandException;
import dev.cairn.agent.command.Completion;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The image operations the agent's commands run: in this process ({@link NodeImages}) or in a job
 * process of their own ({@code job.child.ChildJobs}). Each returns what happened to every image as
 * a {@link Completion}.
 */
public interface ImageJobs {

  /** Loads each {@code name:tag} from the node's image cache into the engine and makes it current. */
  Completion load(String commandId, List<String> images) throws CommandException, IOException, InterruptedException;

  /** Moves the image's alias to {@code toTag} or, when empty, to the version before the current one. */
  Completion rollback(String commandId, String image, Optional<String> toTag)
      throws CommandException, IOException, InterruptedException;
}
