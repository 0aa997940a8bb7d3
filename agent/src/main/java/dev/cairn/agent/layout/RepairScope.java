package dev.cairn.agent.layout;

/** What {@link LayoutService#converge} may change on disk. */
public enum RepairScope {
  /** Create missing directories and repair owner, group and mode of existing ones (drift: REPAIR). */
  ALL,
  /** Create missing directories (with the catalogue's owner, group, mode); only report the rest. */
  MISSING,
  /** Change nothing; only report (drift: REPORT, and health checks). */
  NONE;

  boolean creates() {
    return this != NONE;
  }

  boolean repairs() {
    return this == ALL;
  }
}
