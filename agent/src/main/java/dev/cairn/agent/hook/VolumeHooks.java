package dev.cairn.agent.hook;

import dev.cairn.agent.command.Completion;
import dev.cairn.agent.desired.DesiredState;
import dev.cairn.agent.desired.DesiredStateApplier;
import dev.cairn.agent.layout.CatalogueException;
import dev.cairn.agent.layout.CatalogueReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hooks around the node's snapshots: keeps the plans of the newest desired state
 * ({@code hooks}, from {@code cairn_hooks}) and runs a volume's snapshot inside the plan of the
 * service the volume belongs to. A desired state whose hooks cannot run is refused as a whole
 * and the previous plans stay. Thread-safe.
 */
public final class VolumeHooks implements DesiredStateApplier {

  private static final Logger LOG = LoggerFactory.getLogger(VolumeHooks.class);

  private final Path agentBase;
  private final Function<String, Optional<String>> serviceOfVolume;
  private final Supplier<ContainerRuntime> containers;
  private final PauseJournal journal;
  private volatile List<HookPlan> plans = List.of();
  private volatile DesiredState source;

  /**
   * @param serviceOfVolume the service a volume belongs to (from the volume catalogue)
   * @param containers the container engine, asked for only when a plan has container steps
   * @param journal where paused containers are written down until they run again
   */
  public VolumeHooks(Path agentBase, Function<String, Optional<String>> serviceOfVolume,
      Supplier<ContainerRuntime> containers, PauseJournal journal) {
    this.agentBase = agentBase;
    this.serviceOfVolume = serviceOfVolume;
    this.containers = containers;
    this.journal = journal;
  }

  /** Hooks whose pauses are not written down (node-local commands, tests). */
  public VolumeHooks(Path agentBase, Function<String, Optional<String>> serviceOfVolume,
      Supplier<ContainerRuntime> containers) {
    this(agentBase, serviceOfVolume, containers, PauseJournal.none());
  }

  /** The journal of containers paused and not yet unpaused. */
  public PauseJournal journal() {
    return journal;
  }

  /** Unpauses the containers earlier snapshots left paused (their process died between pause and unpause). */
  public PauseRecovery.Report recoverPauses() throws IOException {
    return PauseRecovery.recover(journal, containers);
  }

  /** The desired state the current plans were read from; empty = none yet (no hooks). */
  public Optional<DesiredState> source() {
    return Optional.ofNullable(source);
  }

  /** Hooks that run nothing: the snapshot alone. */
  public static VolumeHooks none() {
    return new VolumeHooks(Path.of("/"), volume -> Optional.empty(), () -> null);
  }

  /** The plans in force. */
  public List<HookPlan> plans() {
    return plans;
  }

  /** Takes the hooks of a desired state applied before this agent started; invalid ones are logged and ignored. */
  public void adopt(DesiredState state) {
    try {
      Optional<List<HookPlan>> read = read(state);
      if (read.isPresent()) {
        plans = read.get();
        source = state;
      }
    } catch (CatalogueException | HookDeclarationException e) {
      LOG.warn("hooks: desired state version {} has hooks that cannot run: {}", state.version(), e.getMessage());
    }
  }

  @Override
  public Completion apply(DesiredState state) {
    try {
      Optional<List<HookPlan>> read = read(state);
      if (read.isEmpty()) {
        return Completion.ok("hooks: no desired-state document; hooks left as they are");
      }
      boolean changed = !read.get().equals(plans);
      plans = read.get();
      source = state;
      String message = "hooks: " + plans.size() + " service(s) with snapshot hooks";
      return changed ? Completion.changed(message, java.util.Map.of()) : Completion.ok(message);
    } catch (CatalogueException e) {
      return Completion.failed("hooks: desired state refused, hooks left as they were: "
          + String.join("; ", e.problems()));
    } catch (HookDeclarationException e) {
      return Completion.failed("hooks: desired state refused, hooks left as they were: " + e.getMessage());
    }
  }

  private Optional<List<HookPlan>> read(DesiredState state) throws CatalogueException, HookDeclarationException {
    Optional<dev.cairn.inventory.desired.DesiredState> document = CatalogueReader.desiredState(state.spec(), agentBase);
    if (document.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(HookDeclarations.plans(document.get().hooks()));
  }

  /**
   * Runs {@code snapshot} inside the pre and post hooks of {@code volume}'s service (none when
   * the volume has no service or the service no hooks).
   */
  public <T> HookSequence.Result<T> around(String volume, Callable<T> snapshot) throws InterruptedException {
    List<HookPlan> mine = serviceOfVolume.apply(volume)
        .map(service -> HookDeclarations.forServices(plans, List.of(service)))
        .orElse(List.of());
    recoverBefore(volume);
    boolean needsContainers = mine.stream()
        .flatMap(plan -> Stream.concat(plan.pre().stream(), plan.post().stream()))
        .anyMatch(step -> !(step instanceof HookStep.Command));
    try (HookExecutor executor = new HookExecutor(needsContainers ? containers.get() : null)) {
      return new HookSequence(executor, journal).around(mine, snapshot);
    }
  }

  /** Before a snapshot: a container an earlier one left paused would otherwise stay paused through this one. */
  private void recoverBefore(String volume) {
    try {
      PauseRecovery.Report report = recoverPauses(); // reads the journal once; no engine when it is empty
      if (!report.nothingToDo()) {
        LOG.warn("hooks: before the snapshot of {}: {}", volume, report.describe());
      }
    } catch (IOException e) {
      LOG.warn("hooks: cannot read the pause journal {}: {}", journal.file().map(Object::toString).orElse("-"),
          e.toString());
    }
  }
}
