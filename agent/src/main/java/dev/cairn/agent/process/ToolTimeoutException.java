package dev.cairn.agent.process;

import java.io.IOException;

/** A tool did not exit before its deadline and was killed. */
public final class ToolTimeoutException extends IOException {

  private static final long serialVersionUID = 1L;

  public ToolTimeoutException(String message) {
    super(message);
  }
}
