package dev.cairn.agent.image.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.agent.image.oci.Digest;
import java.time.Instant;

/** One entry of a repository's append-only event list, e.g. IMPORTED, LOADED, ALIAS_MOVED, ROLLED_BACK, EVICTED. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEvent(Instant at, String type, String tag, Digest imageId, String source, String detail) {}
