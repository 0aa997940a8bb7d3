package dev.cairn.controller.service;

import com.google.protobuf.Message;
import dev.cairn.controller.api.CommandRequest;
import dev.cairn.controller.api.RunRequest;
import dev.cairn.controller.api.RunView;
import dev.cairn.controller.error.ConflictException;
import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.error.InvalidRequestException;
import dev.cairn.controller.error.NotFoundException;
import dev.cairn.controller.inventory.FleetScope;
import dev.cairn.controller.inventory.LoadedInventory;
import dev.cairn.controller.model.NodeRecord;
import dev.cairn.controller.model.RunRecord;
import dev.cairn.controller.store.ControllerStore;
import dev.cairn.inventory.pattern.HostPatternEvaluator;
import dev.cairn.inventory.pattern.InvalidPatternException;
import dev.cairn.inventory.pattern.PatternResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fleet runs: a command fanned out to the nodes a host pattern matches (in the applied inventory,
 * plus the nodes it does not list as members of {@code all}), one queued command per node with
 * the run's expiry; a run ends {@code completed} when every host has a result, {@code expired}
 * when its expiry passes first (a host whose command expired counts as such). Thread-safe.
 */
public final class RunService {
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final ControllerStore store;
  private final CommandService commands;
  private final InventoryService inventory;
  private final RunViews views;
  private final Clock clock;
  private final Duration defaultTtl;

  public RunService(ControllerStore store, CommandService commands, InventoryService inventory,
      DeviceService devices, Clock clock, Duration defaultTtl) {
    this.store = store;
    this.commands = commands;
    this.inventory = inventory;
    this.views = new RunViews(store, devices);
    this.clock = clock;
    this.defaultTtl = defaultTtl;
  }

  /** Starts a run: matches the pattern, queues one command per reachable node, stores the run. */
  public RunView start(RunRequest request, String actor) throws ControllerException, IOException {
    if (request == null || request.pattern() == null || request.pattern().isBlank()
        || request.command() == null) {
      throw new InvalidRequestException("Body must be {\"pattern\": \"...\", \"command\": "
          + "{\"kind\": ..., \"arguments\": {...}}, \"ttlSeconds\": N}");
    }
    CommandRequest probe = new CommandRequest(null, request.command().kind(),
        request.command().arguments(), null);
    Message arguments = CommandService.arguments(CommandService.field(probe.kind()), probe);
    Instant now = clock.instant();
    Instant notAfter = request.ttlSeconds() == null ? now.plus(defaultTtl)
        : CommandService.notAfter(request.ttlSeconds(), now);
    PatternResult matched = match(request.pattern().strip());
    String id = newId(now);
    List<RunRecord.RunHost> hosts = new ArrayList<>();
    for (String node : matched.hosts()) {
      Optional<NodeRecord> record = store.nodes().get(node);
      String skipped = record.isEmpty() || !record.get().enrolled()
          ? "not enrolled: no agent to run it"
          : record.get().revoked() ? "revoked: the node receives no commands" : null;
      hosts.add(new RunRecord.RunHost(node, skipped == null ? id + ":" + node : null, skipped,
          null));
    }
    RunRecord run = new RunRecord(id, request.pattern().strip(), probe.kind(),
        JsonDocuments.toJson(arguments), now, actor, notAfter, matched.warnings(),
        hosts, RunRecord.RUNNING, null);
    long ttl = Math.max(1, Duration.between(now, notAfter).toSeconds());
    // Under settle's lock: a settle between storing the run and queueing its commands would see
    // no commands, take every host as failed and end the run at once.
    synchronized (this) {
      store.runs().put(run);
      for (RunRecord.RunHost host : hosts) {
        if (host.commandId() != null) {
          queue(host, request, ttl, id, actor);
        }
      }
    }
    return views.view(settle(run));
  }

  private void queue(RunRecord.RunHost host, RunRequest request, long ttl, String id,
      String actor) throws ControllerException {
    try {
      commands.submit(host.node(), new CommandRequest(host.commandId(), request.command().kind(),
          request.command().arguments(), ttl), id, actor);
    } catch (NotFoundException | ConflictException e) {
      // Revoked or unenrolled between matching and queueing: the run shows the missing command.
    }
  }

  public RunView get(String id) throws ControllerException {
    RunRecord run = store.runs().get(id)
        .orElseThrow(() -> new NotFoundException("No run with id " + id));
    return views.view(settle(run));
  }

  /** The newest runs, newest first. */
  public List<RunView> list(int limit) {
    return store.runs().list(Math.max(1, Math.min(1000, limit))).stream()
        .map(run -> views.view(settle(run)))
        .toList();
  }

  /** Ends every running run that is complete or past its expiry; returns how many ended. */
  public int settleAll() {
    int ended = 0;
    for (RunRecord run : store.runs().running()) {
      if (!settle(run).running()) {
        ended++;
      }
    }
    return ended;
  }

  /** Ends the run if every host has a result or its expiry passed, storing the final statuses. */
  private synchronized RunRecord settle(RunRecord run) {
    if (!run.running()) {
      return run;
    }
    RunRecord current = store.runs().get(run.id()).orElse(run);
    if (!current.running()) {
      return current;
    }
    Instant now = clock.instant();
    List<String> statuses = current.hosts().stream().map(views::liveStatus).toList();
    boolean complete = statuses.stream().allMatch(RunViews::isFinal);
    if (!complete && !now.isAfter(current.notAfter())) {
      return current;
    }
    List<RunRecord.RunHost> hosts = new ArrayList<>();
    for (int i = 0; i < statuses.size(); i++) {
      String status = statuses.get(i);
      hosts.add(current.hosts().get(i).withFinalStatus(RunViews.isFinal(status) ? status
          : RunRecord.EXPIRED));
    }
    // A host whose command expired (commands expire with their run) ran out of time as well: the
    // run is expired whichever of the two expiry checks saw it first.
    boolean expired = !complete || statuses.contains(RunRecord.EXPIRED);
    RunRecord ended = current.ended(expired ? RunRecord.EXPIRED : RunRecord.COMPLETED, now, hosts);
    store.runs().put(ended);
    return ended;
  }

  private PatternResult match(String pattern) throws ControllerException, IOException {
    List<String> nodes = store.nodes().list().stream()
        .filter(n -> !n.inventory().retired())
        .filter(n -> n.enrolled() || n.inventory().listed())
        .map(NodeRecord::name)
        .toList();
    Optional<LoadedInventory> applied = inventory.appliedInventory();
    try {
      return HostPatternEvaluator.evaluate(
          new FleetScope(applied.map(LoadedInventory::inventory).orElse(null), nodes), pattern);
    } catch (InvalidPatternException e) {
      throw new InvalidRequestException(e.getMessage());
    }
  }

  private static String newId(Instant now) {
    byte[] random = new byte[3];
    ThreadLocalRandom.current().nextBytes(random);
    return "run-" + ID_TIME.format(now) + "-" + HexFormat.of().formatHex(random);
  }
}
