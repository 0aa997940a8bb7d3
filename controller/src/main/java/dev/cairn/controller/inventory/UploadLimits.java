package dev.cairn.controller.inventory;

/**
 * Bounds on an inventory upload: {@code maxBytes} for the body and, separately, for everything it
 * unpacks to (a small tar.gz must not unpack into gigabytes); {@code maxFiles} entries at most.
 */
public record UploadLimits(long maxBytes, int maxFiles) {
  public static final UploadLimits DEFAULT = new UploadLimits(32L << 20, 10_000);
}
