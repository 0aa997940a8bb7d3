package dev.cairn.agent.image.cache;

/** What a commit added to the cache: new blobs and their bytes (blobs already held are not counted). */
public record CommitReport(int blobsAdded, long bytesAdded) {}
