package dev.cairn.agent.image.registry;

/**
 * What pushing one image did: the target reference, the blobs it needed (layers + config), how many
 * the registry already had, and the bytes uploaded.
 */
public record PushReport(String image, String target, int blobs, int blobsPresent, long bytesUploaded) {

  /** Blobs the registry already had ÷ blobs needed (1.0 when none were needed). */
  public double hitRate() {
    return blobs == 0 ? 1.0 : (double) blobsPresent / blobs;
  }
}
