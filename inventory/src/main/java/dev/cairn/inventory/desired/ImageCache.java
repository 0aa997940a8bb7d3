package dev.cairn.inventory.desired;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How the node keeps its image cache. Immutable.
 *
 * @param keepPrevious versions kept besides the current one, per image
 * @param maxSizeBytes cache size budget in bytes; 0 for none
 * @param alias the default moving alias tag ({@code current})
 * @param pushRegistry a site registry ({@code host:port}) to push cached images to, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageCache(int keepPrevious, long maxSizeBytes, String alias, String pushRegistry) {}
