package dev.cairn.controller.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.controller.model.DesiredRecord;
import dev.cairn.controller.model.DesiredScope;
import dev.cairn.controller.model.NodeRecord;
import java.util.List;
import java.util.Optional;

/**
 * Versioned desired-state documents per node and per group, and group membership. Every change
 * takes the next value of one global, strictly increasing version counter, stored in the same
 * durable write as the change.
 */
public interface DesiredStore {
  /** Stores a new version of the scope's document and returns it. */
  DesiredRecord put(DesiredScope scope, String name, ObjectNode spec, String updatedBy);

  /** The newest version of the document, if any was ever stored. */
  Optional<DesiredRecord> get(DesiredScope scope, String name);

  /** Sets the node's groups and gives the change a new version ({@code membershipVersion}). */
  NodeRecord setGroups(String node, List<String> groups);

  /** The highest version handed out so far (0 before the first change). */
  long currentVersion();

  /**
   * Moves the counter up to {@code version} if it is lower (durably), so that the next change gets
   * a higher version than any an agent reports having applied (a controller restored from an
   * older backup).
   */
  void raiseVersionTo(long version);
}
