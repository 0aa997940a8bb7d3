package dev.cairn.agent.hook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Unpauses the containers a {@link PauseJournal} still names: snapshots whose job process died
 * between a pause hook and its unpause. A container that is no longer paused, or no longer exists,
 * is struck out too; one the engine cannot be asked about stays for the next try. Stateless.
 */
public final class PauseRecovery {

  /**
   * What one recovery did.
   *
   * @param unpaused containers that were paused and run again
   * @param notPaused containers that were running already, or are gone
   * @param left containers still written down, each with why
   */
  public record Report(List<String> unpaused, List<String> notPaused, List<String> left) {

    public boolean nothingToDo() {
      return unpaused.isEmpty() && notPaused.isEmpty() && left.isEmpty();
    }

    /** One line for a log or a result. */
    public String describe() {
      if (nothingToDo()) {
        return "no container left paused by a snapshot";
      }
      List<String> parts = new ArrayList<>();
      if (!unpaused.isEmpty()) {
        parts.add("unpaused " + String.join(", ", unpaused) + " (left paused by a snapshot that did not finish)");
      }
      if (!notPaused.isEmpty()) {
        parts.add("not paused any more: " + String.join(", ", notPaused));
      }
      if (!left.isEmpty()) {
        parts.add("still paused or unknown, tried again at the next snapshot or agent start: "
            + String.join("; ", left));
      }
      return String.join("; ", parts);
    }
  }

  private PauseRecovery() {}

  /**
   * Unpauses every container {@code journal} names.
   *
   * @param containers the engine, asked for only if the journal names a container
   * @throws IOException if the journal cannot be read or rewritten
   */
  public static Report recover(PauseJournal journal, Supplier<ContainerRuntime> containers) throws IOException {
    List<String> named = journal.containers();
    List<String> unpaused = new ArrayList<>();
    List<String> notPaused = new ArrayList<>();
    List<String> left = new ArrayList<>();
    if (named.isEmpty()) {
      return new Report(unpaused, notPaused, left);
    }
    ContainerRuntime runtime;
    try {
      runtime = containers.get();
    } catch (RuntimeException e) {
      return new Report(unpaused, notPaused, named.stream().map(c -> c + ": no container engine (" + e.getMessage()
          + ")").toList());
    }
    for (String container : named) {
      try {
        if (runtime.unpause(container)) {
          unpaused.add(container);
        } else {
          notPaused.add(container);
        }
        journal.unpaused(container);
      } catch (ContainerException e) {
        if (e.missing()) {
          notPaused.add(container);
          journal.unpaused(container);
        } else {
          left.add(container + ": " + e.getMessage());
        }
      }
    }
    return new Report(unpaused, notPaused, left);
  }
}
