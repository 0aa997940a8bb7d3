package dev.cairn.agent.outbox;

import java.io.IOException;

/** A compaction found a sealed segment damaged and left it as it is (see {@link Segment#rewrite}). */
final class DamagedSegmentException extends IOException {

  private final String segment;
  private final String problem;

  DamagedSegmentException(String segment, String problem) {
    super("outbox segment " + segment + " is damaged (" + problem + "); it is left as it is");
    this.segment = segment;
    this.problem = problem;
  }

  String segment() {
    return segment;
  }

  String problem() {
    return problem;
  }
}
