package dev.cairn.controller.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.controller.model.DesiredRecord;
import dev.cairn.controller.model.DesiredScope;
import dev.cairn.controller.model.NodeRecord;
import dev.cairn.controller.store.ControllerStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a node's {@link EffectiveDesired} from the stored documents: its inventory document as
 * the base, then its groups' documents in group order, then its own (deep merge, later wins).
 * Thread-safe.
 */
public final class DesiredStateResolver {
  private final ControllerStore store;

  public DesiredStateResolver(ControllerStore store) {
    this.store = store;
  }

  public EffectiveDesired effective(String node) {
    return compose(inputs(node));
  }

  /** The stored inputs of the node's effective state. */
  DesiredInputs inputs(String node) {
    NodeRecord record = store.nodes().get(node).orElseGet(() -> NodeRecord.named(node));
    return new DesiredInputs(node, store.desired().get(DesiredScope.INVENTORY, node).orElse(null),
        record.membershipVersion(), record.groups(), groupDocuments(record.groups()),
        store.desired().get(DesiredScope.NODE, node).orElse(null));
  }

  /** The stored documents of those groups that have one. */
  Map<String, DesiredRecord> groupDocuments(List<String> groups) {
    Map<String, DesiredRecord> documents = new HashMap<>();
    for (String group : groups) {
      store.desired().get(DesiredScope.GROUP, group).ifPresent(d -> documents.put(group, d));
    }
    return documents;
  }

  /** Merges the inputs; the version is the highest among them and the membership's. */
  static EffectiveDesired compose(DesiredInputs inputs) {
    long version = inputs.membershipVersion();
    Instant updated = null;
    ObjectNode spec = JsonDocuments.emptyObject();
    if (inputs.base() != null) {
      spec = JsonDocuments.merge(spec, inputs.base().spec());
      version = Math.max(version, inputs.base().version());
      updated = later(updated, inputs.base().updated());
    }
    for (String group : inputs.groups()) {
      DesiredRecord document = inputs.groupDocuments().get(group);
      if (document != null) {
        spec = JsonDocuments.merge(spec, document.spec());
        version = Math.max(version, document.version());
        updated = later(updated, document.updated());
      }
    }
    if (inputs.own() != null) {
      spec = JsonDocuments.merge(spec, inputs.own().spec());
      version = Math.max(version, inputs.own().version());
      updated = later(updated, inputs.own().updated());
    }
    return new EffectiveDesired(version, spec, updated, inputs.base() != null);
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || (b != null && b.isAfter(a)) ? b : a;
  }
}
