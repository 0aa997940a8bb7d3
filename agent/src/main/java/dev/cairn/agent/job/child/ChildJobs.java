package dev.cairn.agent.job.child;

import dev.cairn.agent.command.Completion;
import dev.cairn.agent.image.command.ImageJobs;
import dev.cairn.agent.job.BackupJobs;
import dev.cairn.agent.job.JobException;
import dev.cairn.agent.job.LeftPauses;
import dev.cairn.agent.job.VolumeDirectory;
import dev.cairn.agent.hook.VolumeHooks;
import dev.cairn.agent.layout.LayoutApplier;
import dev.cairn.agent.outbox.EventSink;
import dev.cairn.agent.retention.ForgetPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's backup and image jobs, each run in a job process of its own ({@link JobMain},
 * docs/agent-jobs.md), one at a time. The agent itself stays small and only starts them: the job
 * code, its libraries and its memory live and die with the job, and a job that crashes or runs out
 * of memory fails that job, not the agent. A job's events go to {@code events} as they come; its
 * standard error goes to the agent's. A job process that ends without an answer may have died
 * between a pause hook and its unpause: then the containers the pause journal names are unpaused by
 * a {@code recover-pauses} job ({@link LeftPauses}). Thread-safe.
 */
public final class ChildJobs implements BackupJobs, ImageJobs {

  private static final Logger LOG = LoggerFactory.getLogger(ChildJobs.class);
  /** After a job's SIGTERM, how long the agent waits before it kills the job process. */
  private static final long KILL_AFTER_MILLIS = JobMain.STOP_GRACE_MILLIS + 5_000;
  /** After a job process ended, how long the agent waits for the rest of its output. */
  private static final long OUTPUT_DRAIN_MILLIS = 10_000;

  private final JobEnvironment environment;
  private final JobLauncher launcher;
  private final EventSink events;
  private final LayoutApplier layout;
  private final VolumeHooks hooks;
  private final VolumeDirectory volumes;

  /**
   * @param layout the node's volume catalogue (which volumes exist and are backed up)
   * @param hooks the snapshot hooks of the desired state
   */
  public ChildJobs(JobEnvironment environment, JobLauncher launcher, EventSink events, LayoutApplier layout,
      VolumeHooks hooks) {
    this.environment = environment;
    this.launcher = launcher;
    this.events = events;
    this.layout = layout;
    this.hooks = hooks;
    this.volumes = new VolumeDirectory(environment.backup().base(), environment.backup().volumes(), layout);
  }

  /** The volumes scheduled snapshots cover. */
  public List<String> backedUpVolumes() {
    return volumes.backedUp();
  }

  @Override
  public Completion snapshot(String volume, List<String> tags) throws JobException, IOException, InterruptedException {
    return run(JobOperation.SNAPSHOT, arguments("volume", volume, "tags", tags));
  }

  @Override
  public Completion restore(String volume, String snapshot, String target, List<String> include)
      throws JobException, IOException, InterruptedException {
    return run(JobOperation.RESTORE, arguments("volume", volume, "snapshot", snapshot, "target", target,
        "include", include));
  }

  @Override
  public Completion verify(double readDataPercent) throws JobException, IOException, InterruptedException {
    return run(JobOperation.VERIFY, arguments("readDataPercent", readDataPercent));
  }

  @Override
  public Completion restoreTest(String volume, String snapshot) throws JobException, IOException, InterruptedException {
    return run(JobOperation.RESTORE_TEST, arguments("volume", volume, "snapshot", snapshot));
  }

  @Override
  public Completion forget(String volume, ForgetPolicy policy, Instant now, boolean dryRun)
      throws JobException, IOException, InterruptedException {
    return run(JobOperation.FORGET, arguments("volume", volume, "policy", policy.toMap(), "now", now.toString(),
        "dryRun", dryRun));
  }

  @Override
  public Completion prune() throws JobException, IOException, InterruptedException {
    return run(JobOperation.PRUNE, Map.of());
  }

  @Override
  public Completion archive(String snapshotId) throws JobException, IOException, InterruptedException {
    return run(JobOperation.ARCHIVE, arguments("snapshot", snapshotId));
  }

  @Override
  public Completion recoverPauses() throws JobException, IOException, InterruptedException {
    return run(JobOperation.RECOVER_PAUSES, Map.of());
  }

  @Override
  public Completion load(String commandId, List<String> images) throws JobException, IOException, InterruptedException {
    return run(JobOperation.LOAD_IMAGES, arguments("commandId", commandId, "images", images));
  }

  @Override
  public Completion rollback(String commandId, String image, Optional<String> toTag)
      throws JobException, IOException, InterruptedException {
    return run(JobOperation.ROLLBACK_IMAGE, arguments("commandId", commandId, "image", image, "toTag",
        toTag.orElse(null)));
  }

  private static Map<String, Object> arguments(Object... namesAndValues) {
    Map<String, Object> arguments = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return arguments;
  }

  /** Runs one job process to its end; throws what the job threw. */
  private synchronized Completion run(JobOperation operation, Map<String, Object> arguments)
      throws JobException, IOException, InterruptedException {
    String request = new JobRequest(operation, arguments, environment, layout.source(), hooks.source()).encode();
    Process process;
    try {
      process = new ProcessBuilder(launcher.command()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      throw new JobException("cannot start the job process for " + operation.wireName() + " (" + launcher.java()
          + "): " + e.getMessage(), e);
    }
    AtomicReference<JobLine> end = new AtomicReference<>();
    Thread reader = new Thread(() -> readLines(process, operation, end), "cairn-job-" + operation.wireName());
    reader.setDaemon(true);
    reader.start();
    try (OutputStream in = process.getOutputStream()) {
      in.write((request + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      LOG.warn("job {}: cannot send the request to the job process: {}", operation.wireName(), e.toString());
    }
    int exit;
    try {
      exit = process.waitFor();
      reader.join(OUTPUT_DRAIN_MILLIS); // the output ends with the process, unless it passed it on
      if (reader.isAlive()) {
        LOG.warn("job {}: the job process ended but its output is still open (a process it started?); not waiting"
            + " for it", operation.wireName());
      }
    } catch (InterruptedException e) {
      stop(process, operation);
      throw e;
    }
    if (end.get() == null && operation != JobOperation.RECOVER_PAUSES) {
      // it died without an answer, perhaps between a pause hook and its unpause
      LeftPauses.recover(environment.journal(), this, events);
    }
    return ending(operation, end.get(), exit);
  }

  private void readLines(Process process, JobOperation operation, AtomicReference<JobLine> end) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JobLine parsed;
        try {
          parsed = JobLine.decode(line);
        } catch (JobRequestException e) {
          LOG.warn("job {}: {}", operation.wireName(), e.getMessage());
          continue;
        }
        if (parsed instanceof JobLine.Event event) {
          publish(operation, event);
        } else {
          end.set(parsed);
        }
      }
    } catch (IOException e) {
      LOG.warn("job {}: reading the job process's output failed: {}", operation.wireName(), e.toString());
    }
  }

  private void publish(JobOperation operation, JobLine.Event event) {
    try {
      events.publish(event.kind(), event.severity(), event.message(), event.attributes());
    } catch (IOException | RuntimeException e) {
      LOG.error("job {}: cannot write event '{}' to the outbox: {}", operation.wireName(), event.message(),
          e.toString());
    }
  }

  private static Completion ending(JobOperation operation, JobLine end, int exit)
      throws JobException, IOException, InterruptedException {
    if (end instanceof JobLine.Done done) {
      return done.completion();
    }
    if (end instanceof JobLine.Failed failed) {
      switch (failed.kind()) {
        case JOB -> throw new JobException(failed.message());
        case IO -> throw new IOException(failed.message());
        case INTERRUPTED -> throw new InterruptedException(operation.wireName() + ": " + failed.message());
        case INTERNAL -> throw new JobException(operation.wireName() + " failed in its job process: "
            + failed.message() + " (the agent's log has the details)");
      }
    }
    throw new JobException("the job process for " + operation.wireName() + " ended (exit code " + exit
        + ") without saying how the job went; the agent's log has its output");
  }

  /** SIGTERM, so the job stops as it would in the agent (hooks' post steps run); SIGKILL if it does not end. */
  private static void stop(Process process, JobOperation operation) {
    process.destroy();
    try {
      if (!process.waitFor(KILL_AFTER_MILLIS, TimeUnit.MILLISECONDS)) {
        LOG.warn("job {}: the job process did not stop within {} ms of SIGTERM; killing it", operation.wireName(),
            KILL_AFTER_MILLIS);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
