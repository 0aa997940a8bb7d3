package dev.cairn.agent.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What a lock's reader can learn about the processes of its own host: whether a process id is
 * visible and when that process started, this process's PID namespace, and whether other users'
 * processes are visible at all ({@code /proc} mounted with {@code hidepid} hides them).
 */
interface LocalProcesses {

  /** Start time of a visible process whose start time cannot be read. */
  Instant UNKNOWN_START = Instant.MIN;

  /**
   * The start time of process {@code pid} ({@link #UNKNOWN_START} when it cannot be read), or
   * empty when no such process is visible.
   */
  Optional<Instant> startOf(long pid);

  /** This process's PID namespace ({@code pid:[4026531836]} on Linux), or null when unknown. */
  String pidNamespace();

  /** Whether processes of other users are visible (false under {@code hidepid}). */
  boolean othersVisible();

  /** The real process table. */
  LocalProcesses SYSTEM = new LocalProcesses() {
    @Override
    public Optional<Instant> startOf(long pid) {
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .map(p -> p.info().startInstant().orElse(UNKNOWN_START));
    }

    @Override
    public String pidNamespace() {
      return CURRENT_NAMESPACE;
    }

    @Override
    public boolean othersVisible() {
      return ProcessHandle.of(1).isPresent(); // init is always running, and owned by root
    }
  };

  /** Read once: a process does not change its PID namespace. */
  String CURRENT_NAMESPACE = readNamespace();

  private static String readNamespace() {
    try {
      return Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return null;
    }
  }
}
