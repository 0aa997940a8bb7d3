package dev.cairn.agent.hook;

/** The container engine refused or failed an operation (no such container, engine unreachable). */
public final class ContainerException extends HookException {

  public ContainerException(String message, Throwable cause) {
    super(message, cause);
  }
}
