package dev.cairn.controller.store;

import dev.cairn.controller.model.RunRecord;
import java.util.List;
import java.util.Optional;

/** Fleet runs, by id (ids sort by creation time), with an index of the ones still running. */
public interface RunStore {
  /** Stores the run (new or changed), durably. */
  void put(RunRecord run);

  Optional<RunRecord> get(String id);

  /** The newest {@code limit} runs, newest first. */
  List<RunRecord> list(int limit);

  /** Every run whose status is still {@code running}. */
  List<RunRecord> running();
}
