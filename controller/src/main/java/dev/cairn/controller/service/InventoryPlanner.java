package dev.cairn.controller.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.controller.api.InventoryPreview;
import dev.cairn.controller.error.InvalidRequestException;
import dev.cairn.controller.inventory.LoadedInventory;
import dev.cairn.controller.model.DesiredRecord;
import dev.cairn.controller.model.DesiredScope;
import dev.cairn.controller.model.NodeRecord;
import dev.cairn.controller.store.ControllerStore;
import dev.cairn.controller.store.InventoryStore.Transition;
import dev.cairn.inventory.NoSuchHostException;
import dev.cairn.inventory.desired.DesiredState;
import dev.cairn.inventory.desired.DesiredStateCodec;
import dev.cairn.inventory.desired.DesiredStateDiff;
import dev.cairn.inventory.desired.DesiredStateException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Works out what applying an inventory does to every node (an {@link InventoryPlan}) from the
 * stored state, without writing: each listed host gets the inventory's document as its base and
 * the inventory's groups; the node's effective state before and after are compared ({@link
 * DesiredStateDiff} when both are valid documents) and the result is validated; nodes the
 * inventory drops become orphans, enrolled nodes it never listed are flagged. Thread-safe.
 */
final class InventoryPlanner {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ControllerStore store;
  private final DesiredStateResolver resolver;

  InventoryPlanner(ControllerStore store, DesiredStateResolver resolver) {
    this.store = store;
    this.resolver = resolver;
  }

  InventoryPlan plan(long version, LoadedInventory inventory) throws NoSuchHostException {
    OptionalLong stored = store.inventory().applied();
    Long applied = stored.isPresent() ? stored.getAsLong() : null;
    List<NodeRecord> nodes = store.nodes().list();
    List<InventoryPlan.Step> steps = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (String host : inventory.hosts()) {
      try {
        Names.node(host);
      } catch (InvalidRequestException e) {
        warnings.add("host '" + host + "' cannot be a Cairn node name and is ignored by the "
            + "controller: " + e.getMessage());
        continue;
      }
      listed.add(host);
      steps.add(hostStep(host, inventory));
    }
    for (NodeRecord node : nodes) {
      if (listed.contains(node.name()) || node.inventory().retired()) {
        continue;
      }
      if (node.inventory().listed()) {
        steps.add(statusStep(node, "orphan", Transition.ORPHANED));
      } else if (node.enrolled() && !node.inventory().orphaned()
          && node.inventory().flaggedAt() == null) {
        steps.add(statusStep(node, "flag", Transition.FLAGGED));
      }
    }
    return new InventoryPlan(version, applied, steps, warnings);
  }

  private InventoryPlan.Step hostStep(String host, LoadedInventory inventory)
      throws NoSuchHostException {
    NodeRecord record = store.nodes().get(host).orElseGet(() -> NodeRecord.named(host));
    ObjectNode base = document(inventory.states().get(host));
    Optional<DesiredRecord> storedBase = store.desired().get(DesiredScope.INVENTORY, host);
    boolean baseChanged = storedBase.isEmpty() || !storedBase.get().spec().equals(base);
    List<String> groups = inventory.groupsOf(host);
    boolean groupsChanged = !record.groups().equals(groups);
    DesiredInputs before = resolver.inputs(host);
    DesiredInputs after = before;
    if (baseChanged) {
      after = after.withBase(base);
    }
    if (groupsChanged) {
      after = after.withGroups(groups, resolver.groupDocuments(groups));
    }
    EffectiveDesired effectiveAfter = DesiredStateResolver.compose(after);
    List<String> problems = DesiredValidation.problems(host, effectiveAfter);
    String action = !record.inventory().listed() ? "add"
        : baseChanged || groupsChanged ? "update" : "unchanged";
    InventoryPreview.NodeChange preview = new InventoryPreview.NodeChange(host, action,
        record.enrolled(), record.groups(), groups,
        changes(DesiredStateResolver.compose(before).spec(), effectiveAfter.spec()), problems);
    return new InventoryPlan.Step(host, action, baseChanged ? base : null,
        groupsChanged ? groups : null, record.inventory().listed() ? Transition.NONE
            : Transition.LISTED, preview);
  }

  /**
   * The state as a JSON object parsed from its text, so that numbers get the same node types as
   * documents read back from the store (and equal documents compare equal).
   */
  static ObjectNode document(DesiredState state) {
    try {
      return (ObjectNode) MAPPER.readTree(DesiredStateCodec.toJson(state));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("A desired-state document did not parse back", e);
    }
  }

  private static InventoryPlan.Step statusStep(NodeRecord node, String action, Transition t) {
    return new InventoryPlan.Step(node.name(), action, null, null, t,
        new InventoryPreview.NodeChange(node.name(), action, node.enrolled(), node.groups(),
            node.groups(), List.of(), List.of()));
  }

  /**
   * The changes between two effective states: field by field when both are valid desired-state
   * documents, else per top-level field (a node's first inventory document).
   */
  static List<InventoryPreview.Change> changes(ObjectNode before, ObjectNode after) {
    Optional<DesiredState> typedBefore = typed(before);
    Optional<DesiredState> typedAfter = typed(after);
    if (typedBefore.isPresent() && typedAfter.isPresent()) {
      return DesiredStateDiff.between(typedBefore.get(), typedAfter.get()).changes().stream()
          .map(c -> new InventoryPreview.Change(c.path(), c.before(), c.after()))
          .toList();
    }
    Set<String> fields = new LinkedHashSet<>();
    before.fieldNames().forEachRemaining(fields::add);
    after.fieldNames().forEachRemaining(fields::add);
    List<InventoryPreview.Change> changes = new ArrayList<>();
    for (String field : fields) {
      JsonNode a = before.get(field);
      JsonNode b = after.get(field);
      if (a == null || !a.equals(b)) {
        changes.add(new InventoryPreview.Change(field, a, b));
      }
    }
    return changes;
  }

  private static Optional<DesiredState> typed(ObjectNode spec) {
    if (spec.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(DesiredStateCodec.fromMap(MAPPER.convertValue(spec,
          new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {})));
    } catch (DesiredStateException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
