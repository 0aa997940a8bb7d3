package dev.cairn.controller.service;

import dev.cairn.controller.api.AlertView;
import dev.cairn.controller.error.InvalidRequestException;
import dev.cairn.controller.model.AlertRecord;
import dev.cairn.controller.model.EventQuery;
import dev.cairn.controller.model.EventRecord;
import dev.cairn.controller.model.NodeRecord;
import dev.cairn.controller.store.ControllerStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fleet's alerts, from the agents' {@code alert.raised} and {@code alert.cleared} events:
 * those raised now (kept up to date as events arrive), or the history of raises and clears read
 * from the event log. Alerts of retired nodes are left out. Thread-safe.
 */
public final class AlertService {
  private static final Set<String> LEVELS = Set.of("warning", "critical");

  private final ControllerStore store;

  public AlertService(ControllerStore store) {
    this.store = store;
  }

  /**
   * Alerts raised now, by node and key; {@code level} keeps those at or above it ({@code warning}
   * includes {@code critical}).
   */
  public List<AlertView> current(String node, String level) throws InvalidRequestException {
    check(node, level);
    Set<String> retired = retired();
    return store.alerts().list(false).stream()
        .filter(a -> !retired.contains(a.node()))
        .filter(a -> node == null || node.equals(a.node()))
        .filter(a -> atLeast(a.level(), level))
        .map(AlertService::view)
        .toList();
  }

  /**
   * Every alert raised among the newest {@code limit} alert events, oldest first, with {@code
   * clearedAt} set for those cleared since.
   */
  public List<AlertView> history(String node, String level, int limit)
      throws InvalidRequestException {
    check(node, level);
    List<EventRecord> events = store.events().query(new EventQuery(node, "alert", null,
        Math.max(1, Math.min(EventService.MAX_LIMIT, limit))));
    return replay(events).stream().filter(a -> atLeast(a.level(), level)).map(AlertService::view)
        .toList();
  }

  /** Folds alert events (oldest first) into alerts: a raise opens one, a clear closes it. */
  static List<AlertRecord> replay(List<EventRecord> events) {
    Map<String, Integer> open = new LinkedHashMap<>();
    List<AlertRecord> alerts = new ArrayList<>();
    for (EventRecord event : events) {
      if (!AlertRecord.isAlert(event) || event.node() == null) {
        continue;
      }
      String slot = event.node() + "\0" + AlertRecord.keyOf(event);
      Integer index = open.get(slot);
      AlertRecord next = AlertRecord.fold(index == null ? null : alerts.get(index), event);
      if (next == null) {
        continue;
      }
      if (index == null) {
        open.put(slot, alerts.size());
        alerts.add(next);
      } else {
        alerts.set(index, next);
      }
      if (!next.raised()) {
        open.remove(slot);
      }
    }
    return List.copyOf(alerts);
  }

  private static void check(String node, String level) throws InvalidRequestException {
    if (node != null) {
      Names.node(node);
    }
    if (level != null && !LEVELS.contains(level)) {
      throw new InvalidRequestException("level must be warning or critical, not '" + level + "'");
    }
  }

  private static boolean atLeast(String level, String minimum) {
    return minimum == null || minimum.equals("warning") || level.equals("critical");
  }

  private Set<String> retired() {
    return store.nodes().list().stream().filter(n -> n.inventory().retired())
        .map(NodeRecord::name).collect(Collectors.toSet());
  }

  private static AlertView view(AlertRecord a) {
    String kind = a.attributes().getOrDefault("alert", a.key());
    return new AlertView(a.node(), a.key(), kind.contains(":") ? kind.substring(0, kind.indexOf(':'))
        : kind, a.level(), a.since(), a.updated(), a.message(), a.attributes().get("volume"),
        a.attributes().get("path"), a.attributes(), a.clearedAt());
  }
}
