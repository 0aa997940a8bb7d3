/**
 * Application-consistent snapshots: per-service <em>hooks</em> run around a snapshot, in the
 * style of Velero's backup hooks.
 *
 * <p>Terms. A {@link dev.cairn.agent.hook.HookStep step} is one action: a {@code command} run on
 * the node, an {@code exec} into a container, or {@code pause}/{@code unpause} of a container.
 * Each has a timeout and an {@link dev.cairn.agent.hook.OnError on-error policy}. A
 * {@link dev.cairn.agent.hook.HookPlan plan} is one service's {@code pre} and {@code post} steps.
 * A {@link dev.cairn.agent.hook.HookSequence sequence} runs the pre steps of every plan, then the
 * snapshot, then the post steps of every plan whose pre phase began, in reverse plan order, and
 * finally unpauses any container a pre step paused that is still paused (the cleanup phase), so a
 * failed snapshot never leaves an application frozen. Every step's result, with its output
 * (bounded), is a {@link dev.cairn.agent.hook.HookOutcome} in the
 * {@link dev.cairn.agent.hook.HookReport}. {@link dev.cairn.agent.hook.HookedSnapshot} is that
 * sequence around {@code SnapshotPipeline}.
 *
 * <p>Plans are read from the desired-state document's {@code hooks} (resolved from the inventory
 * variable {@code cairn_hooks}) by {@link dev.cairn.agent.hook.HookDeclarations}. Containers are
 * reached through {@link dev.cairn.agent.hook.ContainerRuntime}; the real one is Docker over
 * docker-java ({@link dev.cairn.agent.hook.DockerContainerRuntime}).
 *
 * <p>Dependencies: {@code snapshot} (the pipeline it wraps), {@code image.engine} (the Docker
 * client), {@code inventory.desired} (the declarations). Nothing depends on this package but the
 * scheduler and the command line.
 */
package dev.cairn.agent.hook;
