package dev.cairn.controller.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.inventory.desired.DesiredStateCodec;
import dev.cairn.inventory.desired.DesiredStateException;
import java.util.List;
import java.util.Map;

/**
 * Checks that an effective desired state built on an inventory document is still a document the
 * agent accepts ({@link DesiredStateCodec}: known fields, right types, supported schema version).
 * States without an inventory base are the operator's free-form documents and are not checked.
 */
final class DesiredValidation {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DesiredValidation() {}

  /** What is wrong with the effective state, each problem prefixed with the node; empty if fine. */
  static List<String> problems(String node, EffectiveDesired effective) {
    if (!effective.fromInventory()) {
      return List.of();
    }
    try {
      DesiredStateCodec.fromMap(MAPPER.convertValue(effective.spec(),
          new TypeReference<Map<String, Object>>() {}));
      return List.of();
    } catch (DesiredStateException e) {
      return e.problems().stream().map(p -> node + ": " + p).toList();
    }
  }
}
