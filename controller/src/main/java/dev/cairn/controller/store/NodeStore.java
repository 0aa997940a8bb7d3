package dev.cairn.controller.store;

import dev.cairn.controller.model.HealthRecord;
import dev.cairn.controller.model.NodeRecord;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Node records and their latest health reports. */
public interface NodeStore {
  Optional<NodeRecord> get(String name);

  /** Every node, ordered by name. */
  List<NodeRecord> list();

  /**
   * Reads the node (or {@link NodeRecord#named} if absent), applies {@code change} and writes the
   * result durably, atomically with respect to every other change of this node.
   */
  NodeRecord update(String name, UnaryOperator<NodeRecord> change);

  /** Like {@link #update} but without waiting for an fsync: for bookkeeping no one is told of. */
  NodeRecord updateLazily(String name, UnaryOperator<NodeRecord> change);

  Optional<HealthRecord> health(String name);
}
