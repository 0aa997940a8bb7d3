package dev.cairn.controller.store;

import dev.cairn.controller.model.AlertRecord;
import java.util.List;

/**
 * The latest state of every alert of every node, kept up to date as {@code alert.raised} and
 * {@code alert.cleared} events are stored (in the same write as the event).
 */
public interface AlertStore {
  /** Every alert (raised ones, and cleared ones if {@code includeCleared}), by node and key. */
  List<AlertRecord> list(boolean includeCleared);
}
