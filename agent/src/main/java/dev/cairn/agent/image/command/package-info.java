/**
 * The image operations as agent commands: {@code load-images} ({@link
 * dev.cairn.agent.image.command.LoadImagesHandler}) and {@code rollback-image} ({@link
 * dev.cairn.agent.image.command.RollbackImageHandler}), run against the node's image cache under
 * the agent's base directory and its Docker engine ({@link dev.cairn.agent.image.command.NodeImages},
 * opened on first use), with every image event published through the outbox ({@link
 * dev.cairn.agent.image.command.OutboxImageEvents}).
 *
 * <p>Terms: a <em>per-image result</em> is one {@link dev.cairn.agent.image.ImageResult}; the
 * command's completion summarises them ({@link dev.cairn.agent.image.command.ImageOutcomes}): failed
 * if any failed, changed if any changed, else ok.
 */
package dev.cairn.agent.image.command;
