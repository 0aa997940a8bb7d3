package dev.cairn.controller.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.controller.model.DesiredRecord;
import dev.cairn.controller.model.DesiredScope;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a node's effective desired state is made of: its inventory document (the base, null
 * outside the inventory), its groups in order with their documents, its own document. The {@code
 * with*} methods build a proposal (what a change would give) without storing anything; proposed
 * documents carry version 0. Immutable.
 */
record DesiredInputs(
    String node,
    DesiredRecord base,
    long membershipVersion,
    List<String> groups,
    Map<String, DesiredRecord> groupDocuments,
    DesiredRecord own) {

  DesiredInputs {
    groups = List.copyOf(groups);
    groupDocuments = Map.copyOf(groupDocuments);
  }

  DesiredInputs withBase(ObjectNode spec) {
    return new DesiredInputs(node, proposed(DesiredScope.INVENTORY, node, spec), membershipVersion,
        groups, groupDocuments, own);
  }

  /** New groups; {@code documents} must hold the stored document of every group that has one. */
  DesiredInputs withGroups(List<String> newGroups, Map<String, DesiredRecord> documents) {
    return new DesiredInputs(node, base, membershipVersion, newGroups, documents, own);
  }

  DesiredInputs withGroupDocument(String group, ObjectNode spec) {
    Map<String, DesiredRecord> documents = new HashMap<>(groupDocuments);
    documents.put(group, proposed(DesiredScope.GROUP, group, spec));
    return new DesiredInputs(node, base, membershipVersion, groups, documents, own);
  }

  DesiredInputs withOwn(ObjectNode spec) {
    return new DesiredInputs(node, base, membershipVersion, groups, groupDocuments,
        proposed(DesiredScope.NODE, node, spec));
  }

  private static DesiredRecord proposed(DesiredScope scope, String name, ObjectNode spec) {
    return new DesiredRecord(scope, name, 0, Instant.EPOCH, null, spec);
  }
}
