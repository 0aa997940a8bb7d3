package dev.cairn.agent.desired;

import dev.cairn.agent.command.Completion;

/**
 * Converges one aspect of the node (volume layout, images, schedules...) to a desired state.
 * Must be idempotent: the same version may be applied again after a restart.
 */
@FunctionalInterface
public interface DesiredStateApplier {

  /** Converges; {@code OK} when nothing had to change, {@code CHANGED} when something did. */
  Completion apply(DesiredState state) throws Exception;
}
