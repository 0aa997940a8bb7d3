package dev.cairn.controller.service;

import dev.cairn.controller.api.InventoryApplyView;
import dev.cairn.controller.api.InventoryDiffView;
import dev.cairn.controller.api.InventoryPreview;
import dev.cairn.controller.api.InventoryUploadView;
import dev.cairn.controller.api.InventoryVersionView;
import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.error.InvalidInventoryException;
import dev.cairn.controller.error.NotFoundException;
import dev.cairn.controller.inventory.InventoryFiles;
import dev.cairn.controller.inventory.LoadedInventory;
import dev.cairn.controller.inventory.UploadLimits;
import dev.cairn.controller.model.InventoryVersionRecord;
import dev.cairn.controller.store.ControllerStore;
import dev.cairn.controller.store.InventoryStore;
import dev.cairn.inventory.InventoryDiff;
import dev.cairn.inventory.NoSuchHostException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The inventory on the controller: uploads (every one kept as a version), diffs between versions,
 * previews of what applying a version changes per node, and applying it on an admin's confirm.
 * A broken inventory, or one that would give any node an invalid desired state, is refused with
 * every problem and changes nothing. Thread-safe.
 */
public final class InventoryService {
  private final ControllerStore store;
  private final DesiredStateService desired;
  private final DeviceService devices;
  private final EventService events;
  private final Clock clock;
  private final UploadLimits limits;
  private final InventoryVersions versions;
  private final InventoryPlanner planner;

  public InventoryService(ControllerStore store, DesiredStateResolver resolver,
      DesiredStateService desired, DeviceService devices, EventService events, Clock clock,
      UploadLimits limits) {
    this.store = store;
    this.desired = desired;
    this.devices = devices;
    this.events = events;
    this.clock = clock;
    this.limits = limits;
    this.versions = new InventoryVersions(store);
    this.planner = new InventoryPlanner(store, resolver);
  }

  /**
   * Stores an upload as a new version after checking that it loads, resolves for every host and
   * composes with the stored group and node documents; answers the version, its diff against the
   * applied inventory and the preview of applying it.
   */
  public InventoryUploadView upload(InputStream body, String fileName, String actor)
      throws ControllerException, IOException {
    try (InventoryFiles files = InventoryFiles.unpack(body, fileName, limits)) {
      LoadedInventory loaded = LoadedInventory.load(files);
      InventoryPlan plan;
      synchronized (desired.writeLock) {
        plan = plan(0, loaded);
      }
      List<String> warnings = new ArrayList<>(loaded.warnings());
      warnings.addAll(plan.warnings());
      List<InventoryStore.File> contents = new ArrayList<>();
      for (String path : files.paths()) {
        contents.add(new InventoryStore.File(path, files.read(path)));
      }
      InventoryVersionRecord stored = store.inventory().add(new InventoryVersionRecord(0,
          clock.instant(), actor, files.format(), files.source(), files.sha256(),
          files.sizeBytes(), files.paths(), loaded.hosts().size(),
          loaded.inventory().groupNames().size(), warnings, null, null), contents);
      versions.remember(stored.version(), loaded);
      InventoryPreview preview = withVersion(plan.preview(), stored.version());
      return new InventoryUploadView(view(stored), diffAgainstApplied(loaded), preview);
    }
  }

  public List<InventoryVersionView> versions(int limit) {
    OptionalLong applied = store.inventory().applied();
    return store.inventory().list(Math.max(1, Math.min(1000, limit))).stream()
        .map(r -> view(r, applied)).toList();
  }

  public InventoryVersionView version(long version) throws ControllerException {
    return view(versions.record(version));
  }

  /** The applied version. */
  public InventoryVersionView applied() throws ControllerException {
    OptionalLong applied = store.inventory().applied();
    if (applied.isEmpty()) {
      throw new NotFoundException("No inventory has been applied yet; "
          + "upload one (PUT /api/v1/inventory) and apply it");
    }
    return version(applied.getAsLong());
  }

  /** What applying {@code version} now would change. */
  public InventoryPreview preview(long version) throws ControllerException, IOException {
    LoadedInventory loaded = versions.load(version);
    synchronized (desired.writeLock) {
      return plan(version, loaded).preview();
    }
  }

  /** How version {@code to} differs from {@code from}. */
  public InventoryDiffView diff(long from, long to) throws ControllerException, IOException {
    LoadedInventory a = versions.load(from);
    LoadedInventory b = versions.load(to);
    List<InventoryDiffView.HostDesiredChange> desiredChanges = new ArrayList<>();
    for (String host : b.hosts()) {
      if (a.states().containsKey(host)) {
        List<InventoryPreview.Change> changes = InventoryPlanner.changes(
            InventoryPlanner.document(a.states().get(host)),
            InventoryPlanner.document(b.states().get(host)));
        if (!changes.isEmpty()) {
          desiredChanges.add(new InventoryDiffView.HostDesiredChange(host, changes));
        }
      }
    }
    return new InventoryDiffView(from, to, between(a, b), desiredChanges);
  }

  /**
   * Applies {@code version}: every listed node gets the inventory's document and groups (a new
   * desired-state version, pushed to connected agents), dropped nodes become orphans, enrolled
   * nodes outside it are flagged; all in one durable write, or nothing if any node's resulting
   * desired state is invalid.
   */
  public InventoryApplyView apply(long version, String actor)
      throws ControllerException, IOException {
    LoadedInventory loaded = versions.load(version);
    InventoryPlan plan;
    InventoryStore.Applied applied;
    synchronized (desired.writeLock) {
      plan = plan(version, loaded);
      applied = store.inventory().apply(version, plan.changes(), clock.instant(), actor);
    }
    devices.desiredChanged(applied.changedNodes());
    raiseEvents(version, plan, actor);
    return new InventoryApplyView(version, applied.desiredVersion(), applied.changedNodes(),
        plan.nodes("orphan"), plan.nodes("flag"));
  }

  /** The applied inventory, loaded (what fleet runs match host patterns against). */
  public Optional<LoadedInventory> appliedInventory()
      throws ControllerException, IOException {
    return versions.applied();
  }

  private InventoryPlan plan(long version, LoadedInventory loaded)
      throws InvalidInventoryException {
    InventoryPlan plan;
    try {
      plan = planner.plan(version, loaded);
    } catch (NoSuchHostException e) {
      throw new IllegalStateException("A host of the inventory vanished while planning", e);
    }
    if (!plan.problems().isEmpty()) {
      throw new InvalidInventoryException("With the stored group and node documents, the "
          + "inventory gives " + plan.problems().size() + " invalid desired-state value(s); "
          + "nothing was changed", plan.problems());
    }
    return plan;
  }

  private void raiseEvents(long version, InventoryPlan plan, String actor) {
    events.raise(null, "inventory.applied", "info", "Inventory version " + version
        + " applied by " + actor, Map.of("version", Long.toString(version)), true);
    for (String node : plan.nodes("orphan")) {
      events.raise(node, "node.orphaned", "warning", "Inventory version " + version + " no "
          + "longer lists this node; it keeps its desired state until an admin retires it",
          Map.of("version", Long.toString(version)), true);
    }
    for (String node : plan.nodes("flag")) {
      events.raise(node, "node.not-in-inventory", "warning", "This node is enrolled but "
          + "inventory version " + version + " does not list it; add it or retire it",
          Map.of("version", Long.toString(version)), true);
    }
  }

  private InventoryDiff diffAgainstApplied(LoadedInventory loaded)
      throws ControllerException, IOException {
    var applied = versions.applied();
    return applied.isEmpty() ? null : between(applied.get(), loaded);
  }

  private static InventoryDiff between(LoadedInventory a, LoadedInventory b) {
    try {
      return InventoryDiff.between(a.inventory(), b.inventory());
    } catch (NoSuchHostException e) {
      throw new IllegalStateException("A host of an inventory vanished while comparing", e);
    }
  }

  private static InventoryPreview withVersion(InventoryPreview preview, long version) {
    return new InventoryPreview(version, preview.appliedVersion(), preview.counts(),
        preview.nodes(), preview.problems());
  }

  private InventoryVersionView view(InventoryVersionRecord r) {
    return view(r, store.inventory().applied());
  }

  private static InventoryVersionView view(InventoryVersionRecord r, OptionalLong applied) {
    return new InventoryVersionView(r.version(), r.uploaded(), r.uploadedBy(), r.format(),
        r.source(), r.sha256(), r.sizeBytes(), r.files(), r.hosts(), r.groups(), r.warnings(),
        applied.isPresent() && applied.getAsLong() == r.version(), r.appliedAt(), r.appliedBy());
  }
}
