package dev.cairn.controller.service;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import dev.cairn.proto.v1.Command;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The command kinds the REST API accepts: the fields of {@code cairn.v1.Command}'s {@code kind}
 * oneof, named in kebab-case ({@code report_health} → {@code report-health}). New kinds added to
 * the proto appear here without code changes.
 */
public final class CommandKinds {
  private static final Map<String, FieldDescriptor> KINDS = new LinkedHashMap<>();

  static {
    OneofDescriptor oneof = Command.getDescriptor().getOneofs().stream()
        .filter(o -> o.getName().equals("kind"))
        .findFirst()
        .orElseThrow();
    for (FieldDescriptor field : oneof.getFields()) {
      KINDS.put(field.getName().replace('_', '-'), field);
    }
  }

  private CommandKinds() {}

  public static Optional<FieldDescriptor> field(String kind) {
    return Optional.ofNullable(kind == null ? null : KINDS.get(kind));
  }

  public static String names() {
    return String.join(", ", KINDS.keySet());
  }
}
