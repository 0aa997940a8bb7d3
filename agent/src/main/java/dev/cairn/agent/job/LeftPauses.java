package dev.cairn.agent.job;

import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.hook.PauseJournal;
import dev.cairn.agent.outbox.EventSink;
import dev.cairn.proto.v1.Severity;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Containers a snapshot's hooks paused and nobody unpaused, because the process that ran the
 * snapshot died in between: when the pause journal names any, {@link BackupJobs#recoverPauses}
 * unpauses them, and a {@code hook.recovered} event tells the controller. Run at agent start and
 * after a job process ended without an answer. Stateless.
 */
public final class LeftPauses {

  private static final Logger LOG = LoggerFactory.getLogger(LeftPauses.class);
  /** The event kind of a recovery that found something. */
  public static final String EVENT = "hook.recovered";

  private LeftPauses() {}

  /** Recovers now if {@code journal} names a container. */
  public static void recover(PauseJournal journal, BackupJobs jobs, EventSink events) throws InterruptedException {
    if (namesAny(journal)) {
      unpause(journal, jobs, events);
    }
  }

  /** {@link #recover} on a thread of its own, so a start does not wait for a job process; none if the journal is empty. */
  public static void recoverInBackground(PauseJournal journal, BackupJobs jobs, EventSink events) {
    if (!namesAny(journal)) {
      return;
    }
    Thread thread = new Thread(() -> {
      try {
        unpause(journal, jobs, events);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "cairn-pause-recovery");
    thread.setDaemon(true);
    thread.start();
  }

  private static boolean namesAny(PauseJournal journal) {
    try {
      return !journal.containers().isEmpty();
    } catch (IOException e) {
      LOG.warn("hooks: cannot read the pause journal {}: {}", journal.file().map(Object::toString).orElse("-"),
          e.toString());
      return false;
    }
  }

  private static void unpause(PauseJournal journal, BackupJobs jobs, EventSink events) throws InterruptedException {
    Completion completion;
    try {
      completion = jobs.recoverPauses();
    } catch (JobException | IOException e) {
      completion = Completion.failed("cannot unpause the containers " + journal.file().map(Object::toString)
          .orElse("the pause journal") + " names: " + e.getMessage());
    }
    if (completion.outcome() == Outcome.OK) {
      return;
    }
    boolean failed = completion.outcome() == Outcome.FAILED;
    LOG.warn("hooks: {}", completion.message());
    try {
      events.publish(EVENT, failed ? Severity.SEVERITY_CRITICAL : Severity.SEVERITY_WARNING, completion.message(),
          Map.of("outcome", failed ? "failed" : "changed"));
    } catch (IOException e) {
      LOG.error("hooks: cannot write the {} event to the outbox: {}", EVENT, e.toString());
    }
  }
}
