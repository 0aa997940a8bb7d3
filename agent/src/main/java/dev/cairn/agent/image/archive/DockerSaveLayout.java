package dev.cairn.agent.image.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.agent.image.cache.StagedBlob;
import dev.cairn.agent.image.oci.Descriptor;
import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.oci.DockerSaveManifest;
import dev.cairn.agent.image.oci.ImageConfig;
import dev.cairn.agent.image.oci.ImageManifest;
import dev.cairn.agent.image.oci.ImageRef;
import dev.cairn.agent.image.oci.MediaTypes;
import dev.cairn.agent.image.oci.OciJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code docker save} layout: {@code manifest.json} lists each image's config and layer paths
 * (legacy {@code <id>/layer.tar}, or {@code blobs/sha256/<hex>} in newer Docker). The cache writes an
 * OCI manifest for each image; an uncompressed layer's digest must equal its diff id in the config.
 */
final class DockerSaveLayout {

  static final String MANIFEST = "manifest.json";

  private DockerSaveLayout() {}

  /**
   * The images of the archive, read ahead from {@code manifest.json} and the configs when the reader
   * can seek; empty otherwise (the digests are then checked after the pass).
   */
  static List<LayerStack> stacks(ArchiveReader reader) throws IOException {
    Optional<byte[]> manifestJson = reader.peek(MANIFEST);
    if (manifestJson.isEmpty()) {
      return List.of();
    }
    List<LayerStack> stacks = new ArrayList<>();
    try {
      for (DockerSaveManifest image : OciJson.dockerSaveManifest(manifestJson.get())) {
        String configPath = image.config() == null ? null : EntryPolicy.normalize(image.config());
        Optional<byte[]> config = configPath == null ? Optional.empty() : reader.peek(configPath);
        if (config.isEmpty()) {
          continue;
        }
        List<Digest> diffIds = OciJson.config(config.get()).diffIds();
        JsonNode platform = OciJson.MAPPER.readTree(config.get());
        List<String> layers = new ArrayList<>();
        for (String layer : image.layers()) {
          layers.add(EntryPolicy.normalize(layer));
        }
        int n = Math.min(diffIds.size(), layers.size());
        stacks.add(new LayerStack(configPath, platform.path("os").asText("linux"),
            platform.path("architecture").asText(""), diffIds.subList(0, n), layers.subList(0, n)));
      }
    } catch (IOException | ArchiveRejectedException | IllegalArgumentException e) {
      return List.of(); // unreadable metadata is reported, with its cause, after the full pass
    }
    return List.copyOf(stacks);
  }

  /** Digests the layer entries must have: each layer path's diff id. */
  static Map<String, Digest> hints(List<LayerStack> stacks) {
    Map<String, Digest> hints = new HashMap<>();
    for (LayerStack stack : stacks) {
      for (int i = 0; i < stack.layers().size(); i++) {
        hints.put(stack.layers().get(i), stack.diffIds().get(i));
      }
    }
    return hints;
  }

  /** The layer paths of every image, bottom first (the order in which the engine can use them). */
  static List<String> layerOrder(List<LayerStack> stacks) {
    List<String> order = new ArrayList<>();
    for (LayerStack stack : stacks) {
      stack.layers().stream().filter(layer -> !order.contains(layer)).forEach(order::add);
    }
    return List.copyOf(order);
  }

  static List<ResolvedImage> resolve(ArchiveContents contents, Optional<String> name)
      throws IOException, ArchiveRejectedException {
    List<DockerSaveManifest> manifests;
    try {
      manifests = OciJson.dockerSaveManifest(contents.read(MANIFEST));
    } catch (IOException | IllegalArgumentException e) {
      throw new ArchiveRejectedException("manifest.json of the archive is not valid: " + e.getMessage(), e);
    }
    if (manifests.isEmpty()) {
      throw new ArchiveRejectedException("manifest.json of the archive lists no image: nothing to import");
    }
    if (manifests.size() > 1 && name.filter(ImageRef::isValid).isPresent()) {
      throw new ArchiveRejectedException("--name NAME:TAG names one image, but the archive holds " + manifests.size());
    }
    List<ResolvedImage> images = new ArrayList<>();
    for (DockerSaveManifest image : manifests) {
      images.add(resolve(contents, image, name));
    }
    return List.copyOf(images);
  }

  private static ResolvedImage resolve(ArchiveContents contents, DockerSaveManifest image, Optional<String> name)
      throws IOException, ArchiveRejectedException {
    if (image.config() == null) {
      throw new ArchiveRejectedException("manifest.json of the archive has an image without Config");
    }
    StagedBlob config = contents.file(image.config());
    List<Digest> diffIds;
    try {
      diffIds = OciJson.config(contents.read(config, image.config())).diffIds();
    } catch (IOException | IllegalArgumentException e) {
      throw new ArchiveRejectedException("image config '" + image.config() + "' is not valid: " + e.getMessage(), e);
    }
    if (diffIds.size() != image.layers().size()) {
      throw new ArchiveRejectedException(
          "image config '" + image.config() + "' lists " + diffIds.size() + " layers but manifest.json "
              + image.layers().size() + ": the archive is inconsistent");
    }
    List<StagedBlob> blobs = new ArrayList<>(List.of(config));
    List<Descriptor> layers = new ArrayList<>();
    for (int i = 0; i < diffIds.size(); i++) {
      String path = image.layers().get(i);
      StagedBlob layer = contents.file(path);
      String mediaType = layerMediaType(layer, path, diffIds.get(i));
      layers.add(new Descriptor(mediaType, layer.digest(), layer.size()));
      blobs.add(layer);
    }
    ImageManifest manifest =
        ImageManifest.oci(new Descriptor(MediaTypes.OCI_CONFIG, config.digest(), config.size()), layers);
    byte[] bytes = OciJson.bytes(manifest);
    return new ResolvedImage(
        ImageNames.name(image.repoTags(), null, name, "image " + image.config()),
        Digest.of(bytes), bytes, manifest.config(), layers, blobs);
  }

  private static String layerMediaType(StagedBlob layer, String path, Digest diffId) throws ArchiveRejectedException {
    boolean namedByDigest = EntryPolicy.normalize(path).startsWith("blobs/sha256/");
    if ((layer.gzip() || layer.zstd()) && namedByDigest) {
      return layer.gzip() ? MediaTypes.OCI_LAYER_GZIP : MediaTypes.OCI_LAYER_ZSTD;
    }
    if (!layer.digest().equals(diffId)) {
      throw new ArchiveRejectedException(
          "digest mismatch in layer '" + path + "': the config says " + diffId + ", the archive holds "
              + layer.digest() + ": the archive is corrupt; copy it again from a good source");
    }
    return MediaTypes.OCI_LAYER;
  }
}
