package dev.cairn.agent.hook;

import dev.cairn.agent.state.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The containers a snapshot's hooks paused and have not unpaused yet, on disk
 * ({@code <stateDir>/hooks/paused}, one container per line, replaced atomically): a container is
 * written down before it is paused and struck out once it is running again. A job process killed
 * between the two (a {@code kill -9}, a power cut) leaves its name behind, and
 * {@link PauseRecovery} unpauses it. Thread-safe within one process; the agent runs one job at a
 * time.
 */
public final class PauseJournal {

  private static final PauseJournal NONE = new PauseJournal(null);

  private final Path file;

  private PauseJournal(Path file) {
    this.file = file;
  }

  /** The journal kept in {@code file}. */
  public static PauseJournal at(Path file) {
    return new PauseJournal(file);
  }

  /** No journal: pauses are not written down (node-local CLI commands, tests). */
  public static PauseJournal none() {
    return NONE;
  }

  /** The file, if this journal keeps one. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** Writes {@code container} down; call before pausing it. */
  public synchronized void pausing(String container) throws IOException {
    Set<String> containers = new LinkedHashSet<>(containers());
    if (file != null && containers.add(container)) {
      write(containers);
    }
  }

  /** Strikes {@code container} out; call once it runs again (or is gone). */
  public synchronized void unpaused(String container) throws IOException {
    Set<String> containers = new LinkedHashSet<>(containers());
    if (file != null && containers.remove(container)) {
      write(containers);
    }
  }

  /** The containers written down, first paused first. */
  public synchronized List<String> containers() throws IOException {
    if (file == null) {
      return List.of();
    }
    try {
      List<String> containers = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !containers.contains(line.strip())) {
          containers.add(line.strip());
        }
      }
      return containers;
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }

  private void write(Set<String> containers) throws IOException {
    StringBuilder text = new StringBuilder();
    containers.forEach(container -> text.append(container).append('\n'));
    AtomicFile.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
  }
}
