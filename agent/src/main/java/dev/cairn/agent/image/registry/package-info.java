/**
 * Pushing cached images to a local Docker Distribution registry (Registry HTTP API v2) so that other
 * hosts of the site can pull them: each blob is checked with {@code HEAD} and uploaded (monolithic
 * {@code POST} + {@code PUT ?digest=}) only when the registry lacks it; the manifest is put last.
 *
 * <p>Terms: the <em>registry hit rate</em> of a push is the blobs the registry already had ÷ the
 * blobs the image needs. Depends on {@code image.cache} and {@code image.oci}.
 */
package dev.cairn.agent.image.registry;
