package dev.cairn.agent.daemon;

import dev.cairn.agent.command.Command;
import dev.cairn.agent.command.CommandRegistry;
import dev.cairn.agent.command.CommandService;
import dev.cairn.agent.command.PingHandler;
import dev.cairn.agent.desired.DesiredStateService;
import dev.cairn.agent.health.HealthReporter;
import dev.cairn.agent.health.HealthService;
import dev.cairn.agent.health.ReportHealthHandler;
import dev.cairn.agent.health.VolumeLayout;
import dev.cairn.agent.image.command.LoadImagesHandler;
import dev.cairn.agent.image.command.NodeImages;
import dev.cairn.agent.image.command.OutboxImageEvents;
import dev.cairn.agent.image.command.RollbackImageHandler;
import dev.cairn.agent.link.AgentLink;
import dev.cairn.agent.link.IdentityStore;
import dev.cairn.agent.link.TlsChannelFactory;
import dev.cairn.agent.outbox.EventPublisher;
import dev.cairn.agent.outbox.Outbox;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running agent: opens the state directory (lock, outbox, command inbox, desired state,
 * identity), registers the command handlers, starts periodic health reports and the link. Each
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
  private HealthReporter health;
  private NodeImages images;
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

    HealthService healthService = new HealthService(new VolumeLayout(configuration.baseDir()),
        configuration.thresholds(), clock);
    health = new HealthReporter(healthService, outbox, events, configuration.healthInterval());

    images = new NodeImages(configuration.baseDir(), configuration.imageSettings(),
        configuration.dockerHost().orElse(null), new OutboxImageEvents(events), clock);
    parts.push(images);
    CommandRegistry.Builder registry = CommandRegistry.builder();
    registerHandlers(registry);
    extraHandlers.accept(registry);
    commands = CommandService.start(state.resolve("commands"), registry.build(), outbox, events, clock);
    parts.push(commands);
    desired = DesiredStateService.start(state.resolve("desired"), outbox, List.of(), clock);
    parts.push(desired);
    health.start();
    parts.push(health);

    link = new AgentLink(new AgentLink.Parts(
        new TlsChannelFactory(configuration.controller(), configuration.linkOptions()),
        new IdentityStore(state.resolve("identity")), configuration.enrollment(), outbox, commands, desired,
        configuration.linkOptions(), clock, AgentVersion.current(), hostname(), new SecureRandom()));
    link.start();
    parts.push(link);
    LOG.info("agent {} started: node '{}', controller {}, state {}, volumes under {}", AgentVersion.current(),
        configuration.nodeName(), configuration.controller(), state, configuration.baseDir());
  }

  /** The command handlers of this agent: one line per command kind. */
  private void registerHandlers(CommandRegistry.Builder registry) {
    registry.register(Command.Ping.class, new PingHandler());
    registry.register(Command.ReportHealth.class, new ReportHealthHandler(health));
    registry.register(Command.LoadImages.class, new LoadImagesHandler(images));
    registry.register(Command.RollbackImage.class, new RollbackImageHandler(images));
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
