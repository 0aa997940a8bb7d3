package dev.cairn.agent.job.child;

import dev.cairn.agent.command.CommandException;
import dev.cairn.agent.command.Completion;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of a job process (docs/agent-jobs.md): reads one {@link JobRequest} from
 * standard input, runs it and writes its events and then its end ({@link JobLine.Done} or {@link
 * JobLine.Failed}) to standard output, one JSON line each; logs go to standard error. Standard
 * output is kept for those lines: {@code System.out} is pointed at standard error first. On SIGTERM
 * (the agent is stopping) the job is interrupted, as it would be in the agent's own process, and
 * gets up to {@link #STOP_GRACE_MILLIS} to finish its cleanup (a paused container's post steps).
 */
public final class JobMain {

  /** How long a stopped job may take to end. */
  static final long STOP_GRACE_MILLIS = 30_000;

  private static final Logger LOG = LoggerFactory.getLogger(JobMain.class);

  private JobMain() {}

  public static void main(String[] args) {
    PrintStream lines = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    System.setOut(System.err);
    AtomicBoolean ended = new AtomicBoolean();
    AtomicBoolean stopping = new AtomicBoolean();
    Thread job = Thread.currentThread();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopping.set(true);
      if (!ended.get()) {
        job.interrupt();
        try {
          job.join(STOP_GRACE_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }, "cairn-job-stop"));
    JobLine end = run(lines);
    synchronized (lines) {
      lines.println(end.encode());
    }
    ended.set(true);
    if (!stopping.get()) { // else the stop hook waits for this thread to end: exit would wait for the hook
      System.exit(0); // threads a library left running must not keep the process alive
    }
  }

  private static JobLine run(PrintStream lines) {
    try {
      JobRequest request = JobRequest.decode(new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip());
      try (JobRunner runner = JobRunner.open(request, (kind, severity, message, attributes) -> {
        synchronized (lines) {
          lines.println(new JobLine.Event(kind, severity, message, attributes).encode());
        }
      })) {
        Completion completion = runner.run(request);
        return new JobLine.Done(completion);
      }
    } catch (JobRequestException e) {
      return new JobLine.Failed(JobLine.FailureKind.INTERNAL, "bad job request: " + e.getMessage());
    } catch (CommandException e) {
      return new JobLine.Failed(JobLine.FailureKind.JOB, String.valueOf(e.getMessage()));
    } catch (IOException e) {
      return new JobLine.Failed(JobLine.FailureKind.IO, String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      return new JobLine.Failed(JobLine.FailureKind.INTERRUPTED, "the job was stopped");
    } catch (RuntimeException | Error e) {
      LOG.error("job failed unexpectedly", e);
      return new JobLine.Failed(JobLine.FailureKind.INTERNAL, e.toString());
    }
  }
}
