/**
 * The node's offline Docker image cache: import archives, keep versions per repository, load into
 * the engine, roll back, collect garbage, push to a site registry. {@link
 * dev.cairn.agent.image.ImageService} is the one entry point, used by {@code cairn images} and by the
 * agent commands {@code load-images} and {@code rollback-image}.
 *
 * <p>Terms: an <em>outcome</em> ({@code OK}, {@code CHANGED}, {@code FAILED}, {@code SKIPPED}) says
 * what an operation did, as Ansible reports it; a <em>source</em> names what asked for it (a CLI
 * command, an agent command id, a bundle); every change is an {@link
 * dev.cairn.agent.image.ImageEvent} given to the {@link dev.cairn.agent.image.ImageEventListener}
 * (the agent's outbox) and appended to the repository's history.
 *
 * <p>Package graph: {@code image} → {@code archive}, {@code engine}, {@code registry},
 * {@code history} → {@code cache} → {@code oci}.
 */
package dev.cairn.agent.image;
