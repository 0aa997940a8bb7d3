package dev.cairn.agent.daemon;

import dev.cairn.agent.alert.AlertService;
import dev.cairn.agent.command.Command;
import dev.cairn.agent.command.CommandRegistry;
import dev.cairn.agent.command.CommandService;
import dev.cairn.agent.command.PingHandler;
import dev.cairn.agent.desired.DesiredStateService;
import dev.cairn.agent.health.BackupStatusSource;
import dev.cairn.agent.health.GrowthSamples;
import dev.cairn.agent.health.GrowthWindow;
import dev.cairn.agent.health.HealthReporter;
import dev.cairn.agent.health.HealthService;
import dev.cairn.agent.health.ReportHealthHandler;
import dev.cairn.agent.health.UsageMeter;
import dev.cairn.agent.hook.DockerContainerRuntime;
import dev.cairn.agent.hook.VolumeHooks;
import dev.cairn.agent.layout.LayoutApplier;
import dev.cairn.agent.layout.LayoutService;
import dev.cairn.agent.job.BackupJobs;
import dev.cairn.agent.job.ForgetHandler;
import dev.cairn.agent.job.LeftPauses;
import dev.cairn.agent.job.PruneHandler;
import dev.cairn.agent.job.RepositoryJobs;
import dev.cairn.agent.job.RestoreHandler;
import dev.cairn.agent.job.RestoreTestHandler;
import dev.cairn.agent.job.SnapshotHandler;
import dev.cairn.agent.job.VerifyHandler;
import dev.cairn.agent.job.child.ChildJobs;
import dev.cairn.agent.job.child.JobEnvironment;
import dev.cairn.agent.job.child.JobLauncher;
import dev.cairn.agent.image.command.ImageJobs;
import dev.cairn.agent.image.command.LoadImagesHandler;
import dev.cairn.agent.image.command.NodeImages;
import dev.cairn.agent.image.command.OutboxImageEvents;
import dev.cairn.agent.image.command.RollbackImageHandler;
import dev.cairn.agent.link.AgentLink;
import dev.cairn.agent.link.IdentityStore;
import dev.cairn.agent.link.TlsChannelFactory;
import dev.cairn.agent.outbox.EventPublisher;
import dev.cairn.agent.outbox.Outbox;
import dev.cairn.agent.schedule.BackupStatusView;
import dev.cairn.agent.schedule.InvalidScheduleException;
import dev.cairn.agent.schedule.RunHistory;
import dev.cairn.agent.schedule.RunReporter;
import dev.cairn.agent.schedule.ScheduleRunner;
import dev.cairn.agent.schedule.ScheduleSettings;
import dev.cairn.agent.schedule.Scheduler;
import dev.cairn.agent.schedule.VolumePolicies;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running agent: opens the state directory (lock, outbox, command inbox, desired state,
 * identity), registers the command handlers (backup jobs among them), starts periodic health
 * reports, the backup scheduler (docs/schedules.md) and the link. Each
 * part runs on its own thread; none waits for the link. {@link #close()} stops them in reverse
 * order. Thread-safe.
 *
 * <p>State directory layout: {@code docs/agent-state.md}.
 */
public final class AgentDaemon implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(AgentDaemon.class);

  private final Deque<Closeable> parts = new ArrayDeque<>();
  private final AgentConfiguration configuration;
  private Outbox outbox;
  private CommandService commands;
  private DesiredStateService desired;
  private AlertService alerts;
  private LayoutApplier layout;
  private HealthReporter health;
  private BackupJobs jobs;
  private ImageJobs imageJobs;
  private Supplier<List<String>> backedUpVolumes;
  private Scheduler scheduler;
  private BackupStatusView backupStatus;
  private VolumeHooks hooks;
  private VolumePolicies policies;
  private AgentLink link;

  private AgentDaemon(AgentConfiguration configuration) {
    this.configuration = configuration;
  }

  /** Starts an agent with the built-in command handlers. */
  public static AgentDaemon start(AgentConfiguration configuration) throws AgentStartException {
    return start(configuration, registry -> {});
  }

  /**
   * Starts an agent; {@code handlers} may register more command handlers (features of later
   * issues register theirs in {@link #registerHandlers}; tests add recording ones here).
   */
  public static AgentDaemon start(AgentConfiguration configuration, Consumer<CommandRegistry.Builder> handlers)
      throws AgentStartException {
    AgentDaemon daemon = new AgentDaemon(configuration);
    try {
      daemon.open(handlers);
      return daemon;
    } catch (IOException | RuntimeException e) {
      daemon.close();
      throw new AgentStartException("cannot start the agent: " + e.getMessage(), e);
    } catch (AgentStartException e) {
      daemon.close();
      throw e;
    }
  }

  private void open(Consumer<CommandRegistry.Builder> extraHandlers) throws IOException, AgentStartException {
    Path state = configuration.stateDir();
    Clock clock = Clock.systemUTC();
    parts.push(StateLock.acquire(state));
    AlertingBudgetListener budget = new AlertingBudgetListener();
    outbox = Outbox.open(state.resolve("outbox"), configuration.outboxOptions(), clock, budget);
    parts.push(outbox);
    EventPublisher events = new EventPublisher(outbox, clock);
    budget.publishTo(events);

    alerts = AlertService.open(state.resolve("alerts"), outbox, clock);
    layout = new LayoutApplier(new LayoutService(), configuration.baseDir());

    ScheduleSettings schedules;
    try {
      schedules = configuration.scheduleSettings();
    } catch (InvalidScheduleException e) {
      throw new AgentStartException("schedules: " + e.getMessage(), e);
    }
    openJobs(events, clock);
    RunHistory history = RunHistory.open(state.resolve("schedules"));
    backupStatus = new BackupStatusView(schedules, history, clock);
    policies = new VolumePolicies(configuration.baseDir(), layout);
    scheduler = new Scheduler(schedules, new ScheduleRunner(jobs, backedUpVolumes, schedules, history,
        new RunReporter(events, alerts), clock, policies::forVolume), history, clock);

    HealthService healthService = new HealthService(layout, configuration.thresholds(), backupStatus,
        GrowthSamples.open(state.resolve("health"), GrowthWindow.DEFAULT),
        new UsageMeter(configuration.walkInterval(), clock), clock);
    health = new HealthReporter(healthService, layout, outbox, events, alerts, configuration.healthInterval());

    CommandRegistry.Builder registry = CommandRegistry.builder();
    registerHandlers(registry);
    extraHandlers.accept(registry);
    commands = CommandService.start(state.resolve("commands"), registry.build(), outbox, events, clock);
    parts.push(commands);
    desired = DesiredStateService.start(state.resolve("desired"), outbox, List.of(layout, hooks, policies), clock);
    parts.push(desired);
    desired.received().ifPresent(last -> { // each reads its part of the last desired state
      layout.adopt(last);
      hooks.adopt(last);
      policies.adopt(last);
    });
    health.start();
    parts.push(health);
    LeftPauses.recoverInBackground(hooks.journal(), jobs, events);
    scheduler.start();
    parts.push(scheduler);

    TlsChannelFactory channels = new TlsChannelFactory(configuration.controller(), configuration.linkOptions());
    parts.push(channels);
    link = new AgentLink(new AgentLink.Parts(channels,
        new IdentityStore(state.resolve("identity")), configuration.enrollment(), outbox, commands, desired,
        configuration.linkOptions(), clock, AgentVersion.current(), hostname(), new SecureRandom()));
    link.start();
    parts.push(link);
    LOG.info("agent {} started: node '{}', controller {}, state {}, volumes under {}", AgentVersion.current(),
        configuration.nodeName(), configuration.controller(), state, configuration.baseDir());
  }

  /**
   * The backup and image jobs: in job processes of their own (docs/agent-jobs.md), or with {@code
   * jobs.inProcess} in this one. Either way the snapshot hooks of the desired state apply.
   */
  private void openJobs(EventPublisher events, Clock clock) {
    JobEnvironment environment = configuration.jobEnvironment();
    if (!configuration.jobsInProcess()) {
      // the job processes keep the pause journal; the agent reads it to recover (LeftPauses)
      hooks = new VolumeHooks(configuration.baseDir(), layout::serviceOf, () -> {
        throw new IllegalStateException("snapshot hooks run in the job processes");
      }, environment.journal());
      ChildJobs child = new ChildJobs(environment, JobLauncher.fromSystemProperties(), events, layout, hooks);
      jobs = child;
      imageJobs = child;
      backedUpVolumes = child::backedUpVolumes;
      return;
    }
    NodeImages images = new NodeImages(configuration.baseDir(), configuration.imageSettings(),
        configuration.dockerHost().orElse(null), new OutboxImageEvents(events), clock);
    parts.push(images);
    hooks = new VolumeHooks(configuration.baseDir(), layout::serviceOf,
        () -> new DockerContainerRuntime(images.engine()), environment.journal());
    RepositoryJobs inProcess = new RepositoryJobs(configuration.backupSettings(), hooks, layout);
    jobs = inProcess;
    imageJobs = images;
    backedUpVolumes = inProcess::backedUpVolumes;
  }

  /** The command handlers of this agent: one line per command kind. */
  private void registerHandlers(CommandRegistry.Builder registry) {
    registry.register(Command.Ping.class, new PingHandler());
    registry.register(Command.ReportHealth.class, new ReportHealthHandler(health));
    registry.register(Command.TakeSnapshot.class, new SnapshotHandler(jobs, backedUpVolumes));
    registry.register(Command.Restore.class, new RestoreHandler(jobs));
    registry.register(Command.Verify.class, new VerifyHandler(jobs));
    registry.register(Command.RestoreTest.class, new RestoreTestHandler(jobs));
    registry.register(Command.Forget.class, new ForgetHandler(jobs));
    registry.register(Command.Prune.class, new PruneHandler(jobs));
    registry.register(Command.LoadImages.class, new LoadImagesHandler(imageJobs));
    registry.register(Command.RollbackImage.class, new RollbackImageHandler(imageJobs));
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "";
    }
  }

  public AgentConfiguration configuration() {
    return configuration;
  }

  public Outbox outbox() {
    return outbox;
  }

  public CommandService commands() {
    return commands;
  }

  public DesiredStateService desired() {
    return desired;
  }

  /** The scheduler of backup runs. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** Backup status per volume from the schedules' run history (for the health report). */
  public BackupStatusSource backupStatus() {
    return backupStatus;
  }

  /** The agent's alerts: raise and clear conditions (once each, through the outbox). */
  public AlertService alerts() {
    return alerts;
  }

  /** The volume catalogue and layout applier (the current catalogue, drift repair). */
  public LayoutApplier layout() {
    return layout;
  }

  public AgentLink link() {
    return link;
  }

  /** Stops the link, health reports, desired state, commands and the outbox, in that order. */
  @Override
  public synchronized void close() {
    while (!parts.isEmpty()) {
      Closeable part = parts.pop();
      try {
        part.close();
      } catch (IOException | RuntimeException e) {
        LOG.warn("agent: error while stopping {}: {}", part.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
