package dev.cairn.agent.outbox;

/**
 * Told when the outbox stays over its disk budget after compaction, and when it is back under it.
 * Called without the outbox's lock held, so it may append to the outbox (e.g. an alert event).
 */
public interface BudgetListener {

  /** The outbox holds {@code usedBytes} although compaction ran; it keeps accepting entries. */
  void overBudget(long usedBytes, long budgetBytes);

  /** The outbox is back under 90 % of its budget. */
  void backUnderBudget(long usedBytes, long budgetBytes);

  /** A damaged record was found in a sealed segment (bit rot); entries after it in that segment are lost. */
  default void damaged(String segment, String problem) {}

  /** Does nothing. */
  BudgetListener NONE = new BudgetListener() {
    @Override
    public void overBudget(long usedBytes, long budgetBytes) {}

    @Override
    public void backUnderBudget(long usedBytes, long budgetBytes) {}
  };
}
