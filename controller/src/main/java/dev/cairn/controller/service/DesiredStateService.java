package dev.cairn.controller.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.controller.api.DesiredView;
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
 * Operator-facing desired state: documents per node and per group, and group membership. Every
 * change is stored with a new version and pushed at once to the affected connected agents.
 */
public final class DesiredStateService {
  private final ControllerStore store;
  private final DesiredStateResolver resolver;
  private final DeviceService devices;

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
    DesiredRecord record = store.desired().put(DesiredScope.NODE, node, object(spec), actor);
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
    DesiredRecord record = store.desired().put(DesiredScope.GROUP, group, object(spec), actor);
    devices.desiredChanged(store.nodes().list().stream()
        .filter(node -> node.groups().contains(group))
        .map(NodeRecord::name)
        .toList());
    return groupView(group, Optional.of(record));
  }

  /** Sets the node's groups (later groups override earlier ones) and pushes the result. */
  public DesiredView setGroups(String node, List<String> groups) throws InvalidRequestException {
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
    store.desired().setGroups(node, checked);
    devices.desiredChanged(node);
    return getNode(node);
  }

  private DesiredView nodeView(String node, Optional<DesiredRecord> own) {
    EffectiveDesired effective = resolver.effective(node);
    List<String> groups = store.nodes().get(node).map(NodeRecord::groups).orElse(List.of());
    DesiredView base = groupView(node, own);
    return new DesiredView(scope(DesiredScope.NODE), node, base.version(), base.updated(),
        base.updatedBy(), base.spec(), groups,
        new DesiredView.Effective(effective.version(), effective.spec()));
  }

  private static DesiredView groupView(String name, Optional<DesiredRecord> record) {
    return record
        .map(r -> new DesiredView(scope(r.scope()), name, r.version(), r.updated(), r.updatedBy(),
            r.spec(), null, null))
        .orElseGet(() -> new DesiredView(scope(DesiredScope.GROUP), name, 0, null, null,
            JsonDocuments.emptyObject(), null, null));
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
