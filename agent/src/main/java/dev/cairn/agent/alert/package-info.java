/**
 * Alerts: conditions that need an operator (capacity, failing backups, drift), raised and cleared
 * once per condition as events through the outbox. Used by health and by the scheduler.
 *
 * <p>Terms: a <em>key</em> names one condition on one subject ({@code volume-capacity:/opt/ai-q/data},
 * {@code schedule-failed:daily}); its <em>kind</em> is the part before the first {@code ':'}. A
 * <em>transition</em> is a change of an alert's level (not raised, warning, critical); each is one
 * {@code alert.raised} or {@code alert.cleared} event. {@link dev.cairn.agent.alert.AlertService}
 * keeps the active alerts in the state directory. Depends on {@code outbox} and {@code state}.
 */
package dev.cairn.agent.alert;
