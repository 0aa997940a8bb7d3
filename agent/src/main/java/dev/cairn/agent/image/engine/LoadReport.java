package dev.cairn.agent.image.engine;

import dev.cairn.agent.image.oci.Digest;

/**
 * What loading one image did: whether the engine already had it, how many layers were sent and how
 * many skipped because the engine held them, and the bytes streamed.
 */
public record LoadReport(String image, Digest imageId, boolean alreadyPresent, int layersSent, int layersSkipped, long bytesSent) {}
