package dev.cairn.controller.model;

import java.util.Locale;

/**
 * Life of a queued command: {@code PENDING} (queued) → {@code DELIVERED} (the agent acknowledged
 * it) → an outcome ({@code OK}, {@code CHANGED}, {@code FAILED}, {@code SKIPPED}); {@code EXPIRED}
 * when its {@code not_after} passed before delivery.
 */
public enum CommandStatus {
  PENDING,
  DELIVERED,
  OK,
  CHANGED,
  FAILED,
  SKIPPED,
  EXPIRED;

  /** True once a result arrived or the command expired: it is never sent again. */
  public boolean isFinal() {
    return this != PENDING && this != DELIVERED;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
