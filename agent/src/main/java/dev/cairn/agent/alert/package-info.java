/**
 * Alerts: conditions that need an operator (capacity, failing backups, drift), raised and cleared
 * once per condition as events through the outbox. Used by health and by the scheduler.
 */
package dev.cairn.agent.alert;
