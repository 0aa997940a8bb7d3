package dev.cairn.agent.hook;

/** The container engine refused or failed an operation (no such container, engine unreachable). */
public final class ContainerException extends HookException {

  private final boolean missing;

  public ContainerException(String message, Throwable cause) {
    this(message, cause, false);
  }

  /** @param missing whether the engine has no such container */
  public ContainerException(String message, Throwable cause, boolean missing) {
    super(message, cause);
    this.missing = missing;
  }

  /** Whether the engine has no such container. */
  public boolean missing() {
    return missing;
  }
}
