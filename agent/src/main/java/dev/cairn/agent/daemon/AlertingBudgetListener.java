package dev.cairn.agent.daemon;

import dev.cairn.agent.outbox.BudgetListener;
import dev.cairn.agent.outbox.EventPublisher;
import dev.cairn.proto.v1.Severity;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the outbox's budget signals into alert events ({@code alert.raised} / {@code
 * alert.cleared} with {@code alert=outbox-over-budget}, and {@code outbox.damaged}), which travel
 * through the outbox themselves. Thread-safe.
 */
final class AlertingBudgetListener implements BudgetListener {

  private static final Logger LOG = LoggerFactory.getLogger(AlertingBudgetListener.class);
  private volatile EventPublisher events;
  private final java.util.List<String[]> damagedBeforePublishing = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** From now on publish to {@code publisher}, starting with damage found while the outbox opened. */
  void publishTo(EventPublisher publisher) {
    this.events = publisher;
    damagedBeforePublishing.forEach(d -> damaged(d[0], d[1]));
    damagedBeforePublishing.clear();
  }

  @Override
  public void overBudget(long usedBytes, long budgetBytes) {
    LOG.warn("outbox: {} bytes used, over its budget of {} bytes; the controller has not acknowledged results and"
        + " events for a long time; they are kept", usedBytes, budgetBytes);
    publish("alert.raised", Severity.SEVERITY_WARNING, "the outbox holds " + usedBytes + " bytes, over its budget of "
        + budgetBytes + "; old health samples were compacted, results and events are kept", usedBytes, budgetBytes);
  }

  @Override
  public void backUnderBudget(long usedBytes, long budgetBytes) {
    publish("alert.cleared", Severity.SEVERITY_INFO, "the outbox is back under its budget", usedBytes, budgetBytes);
  }

  @Override
  public void damaged(String segment, String problem) {
    EventPublisher publisher = events;
    if (publisher == null) {
      damagedBeforePublishing.add(new String[] {segment, problem});
      return;
    }
    try {
      publisher.publish("outbox.damaged", Severity.SEVERITY_CRITICAL, "outbox segment " + segment + " was damaged ("
          + problem + "); entries after the damage were lost", Map.of("segment", segment));
    } catch (IOException e) {
      LOG.error("outbox: cannot publish the damage event: {}", e.getMessage());
    }
  }

  private void publish(String kind, Severity severity, String message, long used, long budget) {
    EventPublisher publisher = events;
    if (publisher == null) {
      return;
    }
    try {
      publisher.publish(kind, severity, message, Map.of("alert", "outbox-over-budget", "usedBytes",
          Long.toString(used), "budgetBytes", Long.toString(budget)));
    } catch (IOException e) {
      LOG.error("outbox: cannot publish the budget alert: {}", e.getMessage());
    }
  }
}
