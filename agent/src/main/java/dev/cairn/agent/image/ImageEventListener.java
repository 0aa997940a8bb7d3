package dev.cairn.agent.image;

/**
 * Receives every image event after it was recorded in the history (the agent's outbox implements
 * it to report events to the controller). Called on the thread doing the work; must not throw.
 */
@FunctionalInterface
public interface ImageEventListener {

  ImageEventListener NONE = event -> {};

  void onEvent(ImageEvent event);
}
