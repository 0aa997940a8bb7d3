/**
 * OCI and Docker image formats as plain values: {@link dev.cairn.agent.image.oci.Digest content
 * digests}, {@link dev.cairn.agent.image.oci.Descriptor descriptors}, image manifests and indexes,
 * the {@code rootfs.diff_ids} of an image config, the {@code manifest.json} of a {@code docker save}
 * archive, and image references ({@code name:tag}).
 *
 * <p>Terms: a <em>blob</em> is any content addressed by its digest (layer, config, manifest); a
 * <em>diff id</em> is the digest of a layer's uncompressed tar; a <em>chain id</em> identifies a
 * layer together with every layer below it (what the Docker engine keys its layer store by).
 *
 * <p>The lowest package of the image cache: depends on nothing else in Cairn. It also holds
 * {@link dev.cairn.agent.image.oci.ImageException}, the root of the image code's checked failures.
 */
package dev.cairn.agent.image.oci;
