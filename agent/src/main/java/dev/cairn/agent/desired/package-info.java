/**
 * Desired state on the node: the newest versioned document the controller resolved for it, kept
 * durably, applied (converged to) and reported with {@code DesiredStateApplied} through the outbox.
 *
 * <p>Terms: <em>received</em> is the newest version stored here; <em>applied</em> the newest
 * version converged to. Level-triggered: only the newest matters, intermediates may be skipped.
 * {@link dev.cairn.agent.desired.DesiredStateApplier}s do the converging (volume layout, images,
 * schedules arrive with later issues). Depends on {@code outbox}, {@code command} (the outcome
 * vocabulary) and {@code state}; both transports feed {@link
 * dev.cairn.agent.desired.DesiredStateService}.
 */
package dev.cairn.agent.desired;
