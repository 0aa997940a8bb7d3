package dev.cairn.agent.snapshot;

import java.util.List;

/** A snapshot with damaged files: which, and why (path, then the reason in parentheses). Immutable. */
public record DamagedSnapshot(String id, String host, String volume, String time, List<String> files) {
  public DamagedSnapshot {
    files = List.copyOf(files);
  }
}
