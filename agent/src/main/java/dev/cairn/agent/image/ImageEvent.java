package dev.cairn.agent.image;

import dev.cairn.agent.image.oci.Digest;
import java.time.Instant;

/** One change to the node's images: what, which {@code repository:tag}, which image id, by whom; immutable. */
public record ImageEvent(Instant at, ImageEventType type, String repository, String tag, Digest imageId, Source source, String detail) {}
