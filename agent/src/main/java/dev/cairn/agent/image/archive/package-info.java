/**
 * Importing image archives into the cache: {@code docker save} archives (plain, gzip or zstd; the
 * legacy layout with {@code manifest.json} and {@code <id>/layer.tar}, and the OCI-style layout newer
 * Docker writes), OCI image layouts (a directory, as {@code skopeo copy ... oci:DIR} writes) and OCI
 * archives ({@code oci-archive:}).
 *
 * <p>Terms: an <em>entry</em> is one member of the archive (file, directory or link); the
 * <em>entry policy</em> rejects names and link targets that would leave the archive; a <em>hint</em>
 * is the digest an entry must have, known before it is read (from its name, or from
 * {@code manifest.json} and the config read ahead in a seekable tar), which lets the importer hash
 * a blob the cache already holds instead of writing it again.
 *
 * <p>Data path: {@code ArchiveReader} → {@code EntryCollector} (stage + verify every file) →
 * {@code DockerSaveLayout} or {@code OciLayout} (resolve images, verify digests against configs
 * and manifests) → {@code ImageCache.commit}. Depends on {@code image.cache} and {@code image.oci}.
 */
package dev.cairn.agent.image.archive;
