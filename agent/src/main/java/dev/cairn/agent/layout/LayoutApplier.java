package dev.cairn.agent.layout;

import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.desired.DesiredState;
import dev.cairn.agent.desired.DesiredStateApplier;
import dev.cairn.inventory.desired.DesiredState.DriftPolicy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converges the volume layout to each desired state the node receives (a {@link
 * DesiredStateApplier}), and is the agent's {@link CatalogueSource}: the catalogue of the newest
 * valid desired state, or the assumed default catalogue before there is one. A document that is
 * not valid is refused whole, nothing touched, and the previous catalogue stays. With {@code
 * drift: REPAIR} missing directories are created and owner, group and mode repaired; with {@code
 * REPORT} nothing on disk changes. Thread-safe.
 */
public final class LayoutApplier implements DesiredStateApplier, CatalogueSource {

  private static final Logger LOG = LoggerFactory.getLogger(LayoutApplier.class);

  private final LayoutService layout;
  private final Path agentBase;
  private volatile Catalogue current;
  private volatile DesiredState source;

  /** @param agentBase the base directory from the agent's configuration */
  public LayoutApplier(LayoutService layout, Path agentBase) {
    this.layout = layout;
    this.agentBase = agentBase;
    this.current = CatalogueReader.assumed(agentBase);
  }

  @Override
  public Catalogue current() {
    return current;
  }

  /** The desired state the current catalogue was read from; empty = none yet (the assumed default). */
  public Optional<DesiredState> source() {
    return Optional.ofNullable(source);
  }

  /**
   * Takes the catalogue of a desired state applied before this agent started, without touching
   * the disk (the periodic drift repair converges it); an invalid one is ignored with a warning.
   */
  public void adopt(DesiredState state) {
    try {
      Optional<Catalogue> read = CatalogueReader.fromSpec(state.spec(), agentBase);
      if (read.isPresent()) {
        current = read.get();
        source = state;
      }
    } catch (CatalogueException e) {
      LOG.warn("layout: desired state version {} has no valid catalogue: {}", state.version(), e.getMessage());
    }
  }

  @Override
  public Completion apply(DesiredState state) {
    Optional<Catalogue> read;
    try {
      read = CatalogueReader.fromSpec(state.spec(), agentBase);
    } catch (CatalogueException e) {
      LOG.error("layout: desired state version {} refused: {}", state.version(), e.getMessage());
      return Completion.failed("layout: desired state refused, nothing was changed: "
          + String.join("; ", e.problems()));
    }
    if (read.isEmpty()) {
      return Completion.ok("layout: no volume catalogue in this desired state; directories left as they are");
    }
    Catalogue catalogue = read.get();
    current = catalogue;
    source = state;
    LayoutReport report = layout.converge(catalogue,
        catalogue.drift() == DriftPolicy.REPAIR ? RepairScope.ALL : RepairScope.NONE);
    LOG.info("layout: desired state version {}: {}", state.version(), report.summary());
    return completion(report, catalogue.drift());
  }

  /**
   * Converges the current catalogue again if it is declared with {@code drift: REPAIR} (the
   * periodic repair); an empty report otherwise.
   */
  public LayoutReport repairDrift() {
    Catalogue catalogue = current;
    if (!catalogue.declared() || catalogue.drift() != DriftPolicy.REPAIR) {
      return LayoutReport.empty(catalogue.base());
    }
    return layout.converge(catalogue, RepairScope.ALL);
  }

  /** OK when nothing changed, CHANGED when something did; FAILED when drift is left that REPAIR should have fixed. */
  static Completion completion(LayoutReport report, DriftPolicy policy) {
    StringBuilder message = new StringBuilder("layout: ").append(report.summary());
    if (!report.drifted().isEmpty()) {
      message.append(policy == DriftPolicy.REPORT ? " (drift: REPORT, not repaired): " : " (not repairable): ");
      message.append(report.drifted().stream()
          .map(v -> v.volume().name() + ": " + String.join(", ", v.drift()))
          .collect(Collectors.joining("; ")));
    }
    Outcome outcome = policy == DriftPolicy.REPAIR && !report.drifted().isEmpty() ? Outcome.FAILED
        : report.changed() ? Outcome.CHANGED : Outcome.OK;
    Map<String, Object> details = Map.of("volumes", report.volumes().size(),
        "changed", report.changedVolumes().size(), "drift", report.drifted().size());
    return new Completion(outcome, message.toString(), details);
  }
}
