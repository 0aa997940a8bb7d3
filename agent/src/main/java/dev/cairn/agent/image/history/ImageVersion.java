package dev.cairn.agent.image.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.agent.image.oci.Digest;
import java.time.Instant;

/**
 * One version of a repository: tag, manifest and image id, size, how many of its layers the cache
 * already held when it was imported, when it was imported and from what, and when it was last made
 * current (null if never). Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageVersion(
    String tag,
    Digest manifest,
    Digest imageId,
    long size,
    int layers,
    int layersCached,
    Instant importedAt,
    String source,
    Instant loadedAt) {

  public ImageVersion withLoadedAt(Instant at) {
    return new ImageVersion(tag, manifest, imageId, size, layers, layersCached, importedAt, source, at);
  }
}
