package dev.cairn.controller.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.controller.model.DesiredRecord;
import dev.cairn.controller.model.DesiredScope;
import dev.cairn.controller.model.NodeRecord;
import dev.cairn.controller.store.ControllerStore;
import java.time.Instant;
import java.util.Optional;

/** Computes a node's {@link EffectiveDesired} from the stored documents. Thread-safe. */
public final class DesiredStateResolver {
  private final ControllerStore store;

  public DesiredStateResolver(ControllerStore store) {
    this.store = store;
  }

  public EffectiveDesired effective(String node) {
    NodeRecord record = store.nodes().get(node).orElseGet(() -> NodeRecord.named(node));
    long version = record.membershipVersion();
    Instant updated = null;
    ObjectNode spec = JsonDocuments.emptyObject();
    for (String group : record.groups()) {
      Optional<DesiredRecord> document = store.desired().get(DesiredScope.GROUP, group);
      if (document.isPresent()) {
        spec = JsonDocuments.merge(spec, document.get().spec());
        version = Math.max(version, document.get().version());
        updated = later(updated, document.get().updated());
      }
    }
    Optional<DesiredRecord> own = store.desired().get(DesiredScope.NODE, node);
    if (own.isPresent()) {
      spec = JsonDocuments.merge(spec, own.get().spec());
      version = Math.max(version, own.get().version());
      updated = later(updated, own.get().updated());
    }
    return new EffectiveDesired(version, spec, updated);
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || (b != null && b.isAfter(a)) ? b : a;
  }
}
