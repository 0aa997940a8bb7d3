package dev.cairn.controller.service;

import dev.cairn.controller.api.RunView;
import dev.cairn.controller.model.CommandRecord;
import dev.cairn.controller.model.RunRecord;
import dev.cairn.controller.store.ControllerStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the view of a run from its record and its hosts' commands: each host's status ({@code
 * pending} while queued or delivered, then the agent's outcome, {@code expired}, or {@code
 * skipped}), the reason it waits ({@code unreachable since ...}) and the counts.
 */
final class RunViews {
  private static final Set<String> FINAL = Set.of("ok", "changed", "failed", "skipped", "expired");

  private final ControllerStore store;
  private final DeviceService devices;

  RunViews(ControllerStore store, DeviceService devices) {
    this.store = store;
    this.devices = devices;
  }

  static boolean isFinal(String status) {
    return FINAL.contains(status);
  }

  /** The host's status now, from its command ({@code pending} until there is a result). */
  String liveStatus(RunRecord.RunHost host) {
    if (host.skipped() != null) {
      return "skipped";
    }
    Optional<CommandRecord> command = store.commands().get(host.commandId());
    return command.isEmpty() ? "failed" : status(command.get());
  }

  /** A run host's status from its command: {@code pending} while queued or delivered. */
  private static String status(CommandRecord command) {
    String status = command.status().wireName();
    return status.equals("delivered") ? "pending" : status;
  }

  RunView view(RunRecord run) {
    List<RunView.Host> hosts = new ArrayList<>();
    int[] counts = new int[6];
    for (RunRecord.RunHost host : run.hosts()) {
      RunView.Host view = host(run, host);
      hosts.add(view);
      switch (view.status()) {
        case "ok" -> counts[0]++;
        case "changed" -> counts[1]++;
        case "failed" -> counts[2]++;
        case "skipped" -> counts[3]++;
        case "expired" -> counts[5]++;
        default -> counts[4]++;
      }
    }
    return new RunView(run.id(), run.pattern(), run.kind(), run.arguments(), run.status(),
        run.created(), run.createdBy(), run.notAfter(), run.ended(), run.warnings(),
        new RunView.Counts(hosts.size(), counts[0], counts[1], counts[2], counts[3], counts[4],
            counts[5]), hosts);
  }

  private RunView.Host host(RunRecord run, RunRecord.RunHost host) {
    boolean connected = devices.connected(host.node());
    Instant lastSeen = devices.lastSeen(host.node()).orElseGet(() ->
        store.nodes().get(host.node()).map(n -> n.lastSeen()).orElse(null));
    if (host.skipped() != null) {
      return new RunView.Host(host.node(), "skipped", null, null, null, host.skipped(), connected,
          lastSeen, null);
    }
    Optional<CommandRecord> command = store.commands().get(host.commandId());
    if (command.isEmpty()) {
      return new RunView.Host(host.node(), "failed", host.commandId(), null, null,
          "the controller stopped before queueing the command; start the run again", connected,
          lastSeen, null);
    }
    CommandRecord c = command.get();
    String status = host.finalStatus() != null ? host.finalStatus() : status(c);
    String outcome = c.result() == null ? null : c.result().outcome();
    String message = c.result() == null ? null : c.result().message();
    Instant finished = c.result() == null ? null : c.result().finished();
    String reason = switch (status) {
      case "pending" -> connected
          ? (c.status().wireName().equals("delivered")
              ? "delivered; waiting for the agent's result" : "queued; waiting for the agent")
          : "unreachable since " + (lastSeen == null ? "it enrolled (never connected)" : lastSeen);
      case "expired" -> "no result before the run expired at " + run.notAfter()
          + (connected ? "" : "; unreachable since " + (lastSeen == null ? "it enrolled" : lastSeen));
      default -> null;
    };
    return new RunView.Host(host.node(), status, host.commandId(), outcome, message, reason,
        connected, lastSeen, finished);
  }
}
