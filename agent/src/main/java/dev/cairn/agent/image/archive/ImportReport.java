package dev.cairn.agent.image.archive;

import java.util.List;

/**
 * What an import did: the images it cached, the blobs and bytes it added to {@code blobs/} (blobs
 * already held are not counted), and the bytes written to staging on the way.
 */
public record ImportReport(String source, List<ImportedImage> images, int blobsAdded, long bytesAdded, long bytesStaged) {

  public ImportReport {
    images = List.copyOf(images);
  }

  public int layers() {
    return images.stream().mapToInt(ImportedImage::layers).sum();
  }

  public int layersCached() {
    return images.stream().mapToInt(ImportedImage::layersCached).sum();
  }
}
