package dev.cairn.agent.hook;

/** Hook declarations that cannot be run as written; the message names every problem and where it is. */
public final class HookDeclarationException extends HookException {

  public HookDeclarationException(String message) {
    super(message);
  }
}
