package dev.cairn.agent.outbox;

/** What an outbox entry carries; decides what the disk budget may compact away. */
public enum EntryKind {
  /** A periodic health report: old ones may be thinned or dropped under the disk budget. */
  HEALTH(1, true),
  /** The result of a command: never dropped. */
  RESULT(2, false),
  /** An event (alerts, audit of local actions, progress): never dropped. */
  EVENT(3, false),
  /** A {@code DesiredStateApplied} report: never dropped. */
  APPLIED(4, false);

  private final int code;
  private final boolean compactable;

  EntryKind(int code, boolean compactable) {
    this.code = code;
    this.compactable = compactable;
  }

  /** The byte stored on disk for this kind. */
  public int code() {
    return code;
  }

  /** Whether the disk budget may remove entries of this kind before they are acknowledged. */
  public boolean compactable() {
    return compactable;
  }

  /** The kind stored as {@code code}. */
  public static EntryKind ofCode(int code) {
    for (EntryKind kind : values()) {
      if (kind.code == code) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown outbox entry kind " + code);
  }
}
