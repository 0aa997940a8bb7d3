package dev.cairn.agent.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.agent.image.oci.Digest;
import java.time.Instant;

/**
 * The result of loading or rolling back one image: reference, outcome, a human-readable detail
 * (on failure: what happened and what to do), the image id when known, and timestamps. Immutable.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageResult(String image, Outcome outcome, String detail, Digest imageId, Instant startedAt, Instant finishedAt) {}
