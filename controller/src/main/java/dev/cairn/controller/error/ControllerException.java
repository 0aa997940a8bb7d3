package dev.cairn.controller.error;

import java.util.List;

/** An expected failure of a controller operation; its {@link ErrorCode} decides how it crosses the wire. */
public class ControllerException extends Exception {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;

  public ControllerException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  /** Each problem on its own line, when there are several (an inventory's); empty otherwise. */
  public List<String> problems() {
    return List.of();
  }
}
