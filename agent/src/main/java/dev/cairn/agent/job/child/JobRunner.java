package dev.cairn.agent.job.child;

import dev.cairn.agent.command.CommandException;
import dev.cairn.agent.command.Completion;
import dev.cairn.agent.hook.DockerContainerRuntime;
import dev.cairn.agent.hook.VolumeHooks;
import dev.cairn.agent.image.command.NodeImages;
import dev.cairn.agent.image.command.OutboxImageEvents;
import dev.cairn.agent.job.RepositoryJobs;
import dev.cairn.agent.layout.LayoutApplier;
import dev.cairn.agent.layout.LayoutService;
import dev.cairn.agent.outbox.EventSink;
import dev.cairn.agent.retention.ForgetPolicyParser;
import dev.cairn.agent.retention.InvalidPolicyException;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Runs one {@link JobRequest} in a job process, with the same {@link RepositoryJobs} and {@link
 * NodeImages} the agent would run in its own process: the volume catalogue and snapshot hooks come
 * from the desired states the agent took them from, image events go to {@code events}. Not
 * thread-safe.
 */
final class JobRunner implements Closeable {

  private final RepositoryJobs backups;
  private final NodeImages images;

  private JobRunner(RepositoryJobs backups, NodeImages images) {
    this.backups = backups;
    this.images = images;
  }

  static JobRunner open(JobRequest request, EventSink events) {
    JobEnvironment environment = request.environment();
    Clock clock = Clock.systemUTC();
    LayoutApplier layout = new LayoutApplier(new LayoutService(), environment.backup().base());
    NodeImages images = new NodeImages(environment.backup().base(), environment.images(), environment.dockerHost(),
        new OutboxImageEvents(events), clock);
    VolumeHooks hooks = new VolumeHooks(environment.backup().base(), layout::serviceOf,
        () -> new DockerContainerRuntime(images.engine()), environment.journal());
    request.catalogueFrom().ifPresent(layout::adopt);
    request.hooksFrom().ifPresent(hooks::adopt);
    return new JobRunner(new RepositoryJobs(environment.backup(), hooks, layout), images);
  }

  Completion run(JobRequest request) throws JobRequestException, CommandException, IOException, InterruptedException {
    JsonFields a = request.fields();
    return switch (request.operation()) {
      case SNAPSHOT -> backups.snapshot(a.string("volume"), a.strings("tags"));
      case RESTORE -> backups.restore(a.optionalString("volume"), a.optionalString("snapshot"),
          a.optionalString("target"), a.strings("include"));
      case VERIFY -> backups.verify(a.number("readDataPercent"));
      case RESTORE_TEST -> backups.restoreTest(a.optionalString("volume"), a.optionalString("snapshot"));
      case FORGET -> {
        try {
          yield backups.forget(a.string("volume"), ForgetPolicyParser.fromMap(a.object("policy")),
              Instant.parse(a.string("now")), a.bool("dryRun"));
        } catch (InvalidPolicyException | DateTimeParseException e) {
          throw new JobRequestException("forget: " + e.getMessage());
        }
      }
      case PRUNE -> backups.prune();
      case ARCHIVE -> backups.archive(a.string("snapshot"));
      case LOAD_IMAGES -> images.load(a.string("commandId"), a.strings("images"));
      case ROLLBACK_IMAGE -> images.rollback(a.string("commandId"), a.string("image"),
          Optional.ofNullable(a.optionalString("toTag")));
      case RECOVER_PAUSES -> backups.recoverPauses();
    };
  }

  @Override
  public void close() throws IOException {
    images.close();
  }
}
