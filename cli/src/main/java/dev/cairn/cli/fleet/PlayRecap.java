package dev.cairn.cli.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/**
 * Prints a fleet run the way {@code ansible-playbook} ends: one line per host result, then {@code
 * PLAY RECAP} with per-host {@code ok/changed/failed/pending/skipped} counts (a host that got no
 * result before the run expired counts as {@code failed}), then a final summary line.
 */
final class PlayRecap {
  private static final int WIDTH = 79;

  private PlayRecap() {}

  static void print(JsonNode run, PrintStream out) {
    out.println(banner("RUN [" + FleetSubcommand.text(run, "kind") + " on "
        + FleetSubcommand.text(run, "pattern") + "]"));
    for (JsonNode warning : run.path("warnings")) {
      out.println("[WARNING]: " + warning.asText());
    }
    for (JsonNode host : run.path("hosts")) {
      out.println(resultLine(host));
    }
    out.println();
    out.println(banner("PLAY RECAP"));
    int width = 4;
    for (JsonNode host : run.path("hosts")) {
      width = Math.max(width, host.path("node").asText().length());
    }
    for (JsonNode host : run.path("hosts")) {
      String status = host.path("status").asText();
      out.printf("%-" + (width + 2) + "s : ok=%-4d changed=%-4d failed=%-4d pending=%-4d skipped=%d%n",
          host.path("node").asText(), count(status, "ok"), count(status, "changed"),
          count(status, "failed") + count(status, "expired"), count(status, "pending"),
          count(status, "skipped"));
    }
    out.println();
    out.println(summary(run));
  }

  /** {@code run ID completed: 3 hosts, 1 ok, ...}. */
  static String summary(JsonNode run) {
    JsonNode c = run.path("counts");
    return "run " + FleetSubcommand.text(run, "id") + " " + FleetSubcommand.text(run, "status")
        + ": " + c.path("total").asInt() + " hosts, " + c.path("ok").asInt() + " ok, "
        + c.path("changed").asInt() + " changed, " + c.path("failed").asInt() + " failed, "
        + c.path("expired").asInt() + " expired, " + c.path("pending").asInt() + " pending, "
        + c.path("skipped").asInt() + " skipped";
  }

  private static String resultLine(JsonNode host) {
    String status = host.path("status").asText();
    String label = switch (status) {
      case "skipped" -> "skipping";
      case "expired" -> "failed";
      default -> status;
    };
    StringBuilder line = new StringBuilder(label + ": [" + host.path("node").asText() + "]");
    String message = host.hasNonNull("message") ? host.get("message").asText() : null;
    String reason = host.hasNonNull("reason") ? host.get("reason").asText() : null;
    if (message != null && !message.isEmpty()) {
      line.append(" => ").append(message);
    }
    if (reason != null) {
      line.append(message == null || message.isEmpty() ? " => " : "; ").append(reason);
    }
    return line.toString();
  }

  private static int count(String status, String wanted) {
    return status.equals(wanted) ? 1 : 0;
  }

  private static String banner(String title) {
    return title + " " + "*".repeat(Math.max(3, WIDTH - title.length() - 1));
  }
}
