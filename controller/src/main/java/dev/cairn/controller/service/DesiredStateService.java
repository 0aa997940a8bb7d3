package dev.cairn.controller.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.controller.api.DesiredView;
import dev.cairn.controller.error.ConflictException;
import dev.cairn.controller.error.InvalidRequestException;
import dev.cairn.controller.model.DesiredRecord;
import dev.cairn.controller.model.DesiredScope;
import dev.cairn.controller.model.NodeRecord;
import dev.cairn.controller.store.ControllerStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Operator-facing desired state: documents per node and per group, and group membership of nodes
 * outside the inventory. Every change is stored with a new version and pushed at once to the
 * affected connected agents. A change that would make the effective state of a node built on an
 * inventory document invalid is refused, and nothing is stored.
 */
public final class DesiredStateService {

  /** The largest effective desired state accepted, serialized (an agent takes messages up to 16 MiB). */
  static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
  private final ControllerStore store;
  private final DesiredStateResolver resolver;
  private final DeviceService devices;
  /** Serialises check-then-write of desired state here and in {@link InventoryService}. */
  final Object writeLock = new Object();

  public DesiredStateService(
      ControllerStore store, DesiredStateResolver resolver, DeviceService devices) {
    this.store = store;
    this.resolver = resolver;
    this.devices = devices;
  }

  public DesiredView getNode(String node) throws InvalidRequestException {
    Names.node(node);
    return nodeView(node, store.desired().get(DesiredScope.NODE, node));
  }

  public DesiredView putNode(String node, JsonNode spec, String actor)
      throws InvalidRequestException {
    Names.node(node);
    ObjectNode document = object(spec);
    DesiredRecord record;
    synchronized (writeLock) {
      check(List.of(resolver.inputs(node).withOwn(document)));
      record = store.desired().put(DesiredScope.NODE, node, document, actor);
    }
    devices.desiredChanged(node);
    return nodeView(node, Optional.of(record));
  }

  public DesiredView getGroup(String group) throws InvalidRequestException {
    Names.group(group);
    return groupView(group, store.desired().get(DesiredScope.GROUP, group));
  }

  public DesiredView putGroup(String group, JsonNode spec, String actor)
      throws InvalidRequestException {
    Names.group(group);
    ObjectNode document = object(spec);
    deliverable("The desired state of group '" + group + "'", document); // also when it has no members yet
    DesiredRecord record;
    List<String> members;
    synchronized (writeLock) {
      members = store.nodes().list().stream()
          .filter(node -> node.groups().contains(group))
          .map(NodeRecord::name)
          .toList();
      List<DesiredInputs> proposals = new ArrayList<>();
      for (String member : members) {
        proposals.add(resolver.inputs(member).withGroupDocument(group, document));
      }
      check(proposals);
      record = store.desired().put(DesiredScope.GROUP, group, document, actor);
    }
    devices.desiredChanged(members);
    return groupView(group, Optional.of(record));
  }

  /**
   * Sets the groups of a node outside the inventory (later groups override earlier ones) and
   * pushes the result. The inventory sets the groups of the nodes it lists.
   */
  public DesiredView setGroups(String node, List<String> groups)
      throws InvalidRequestException, ConflictException {
    Names.node(node);
    if (groups == null) {
      throw new InvalidRequestException("Body must be {\"groups\": [\"name\", ...]}");
    }
    List<String> checked = new ArrayList<>();
    for (String group : groups) {
      if (!checked.contains(Names.group(group))) {
        checked.add(group);
      }
    }
    synchronized (writeLock) {
      if (store.nodes().get(node).map(n -> n.inventory().listed()).orElse(false)) {
        throw new ConflictException("Node '" + node + "' is listed in the applied inventory, "
            + "which sets its groups; change the inventory and upload it");
      }
      check(List.of(resolver.inputs(node).withGroups(checked, resolver.groupDocuments(checked))));
      store.desired().setGroups(node, checked);
    }
    devices.desiredChanged(node);
    return getNode(node);
  }

  /** Refuses the change if any proposal's effective state would be invalid. */
  private static void check(List<DesiredInputs> proposals) throws InvalidRequestException {
    List<String> problems = new ArrayList<>();
    for (DesiredInputs proposal : proposals) {
      EffectiveDesired effective = DesiredStateResolver.compose(proposal);
      deliverable("The desired state of node '" + proposal.node() + "'", effective.spec());
      problems.addAll(DesiredValidation.problems(proposal.node(), effective));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException("The change would give nodes built on the inventory an "
          + "invalid desired state; nothing was changed (see problems)", problems);
    }
  }

  /**
   * Refuses an effective state the link cannot carry: one the protobuf conversion rejects (JSON
   * nested deeper than 100 levels) or larger than {@link #MAX_DOCUMENT_BYTES}. Stored, it would
   * end every stream of the node with an error, and the node would never converge again.
   */
  private static void deliverable(String what, JsonNode spec) throws InvalidRequestException {
    com.google.protobuf.Struct struct;
    try {
      struct = JsonDocuments.toStruct(spec);
    } catch (IllegalStateException e) {
      throw new InvalidRequestException(what + " would not convert for the link ("
          + rootMessage(e) + "); nest it less than 100 levels deep; nothing was changed");
    }
    if (struct.getSerializedSize() > MAX_DOCUMENT_BYTES) {
      throw new InvalidRequestException(what + " would be "
          + struct.getSerializedSize() + " bytes, more than the " + MAX_DOCUMENT_BYTES + " a node takes; "
          + "keep large data out of desired state (images and files travel as bundles); nothing was changed");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  private DesiredView nodeView(String node, Optional<DesiredRecord> own) {
    EffectiveDesired effective = resolver.effective(node);
    List<String> groups = store.nodes().get(node).map(NodeRecord::groups).orElse(List.of());
    DesiredView.Inventory inventory = store.desired().get(DesiredScope.INVENTORY, node)
        .map(r -> new DesiredView.Inventory(r.version(), r.updated(), r.spec()))
        .orElse(null);
    DesiredView base = groupView(node, own);
    return new DesiredView(scope(DesiredScope.NODE), node, base.version(), base.updated(),
        base.updatedBy(), base.spec(), groups, inventory,
        new DesiredView.Effective(effective.version(), effective.spec()));
  }

  private static DesiredView groupView(String name, Optional<DesiredRecord> record) {
    return record
        .map(r -> new DesiredView(scope(r.scope()), name, r.version(), r.updated(), r.updatedBy(),
            r.spec(), null, null, null))
        .orElseGet(() -> new DesiredView(scope(DesiredScope.GROUP), name, 0, null, null,
            JsonDocuments.emptyObject(), null, null, null));
  }

  private static String scope(DesiredScope scope) {
    return scope.name().toLowerCase(Locale.ROOT);
  }

  private static ObjectNode object(JsonNode spec) throws InvalidRequestException {
    if (!(spec instanceof ObjectNode object)) {
      throw new InvalidRequestException("A desired-state document must be a JSON object");
    }
    return object;
  }
}
