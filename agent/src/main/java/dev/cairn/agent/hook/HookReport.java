package dev.cairn.agent.hook;

import java.util.List;

/** Every step that ran around one snapshot, in the order they ran. Immutable. */
public record HookReport(List<HookOutcome> outcomes) {

  public HookReport {
    outcomes = List.copyOf(outcomes);
  }

  /** Whether a step whose policy is {@code fail} failed (in any phase). */
  public boolean failed() {
    return outcomes.stream().anyMatch(HookOutcome::fatal);
  }

  /** The outcomes of one phase. */
  public List<HookOutcome> phase(HookOutcome.Phase phase) {
    return outcomes.stream().filter(o -> o.phase() == phase).toList();
  }
}
