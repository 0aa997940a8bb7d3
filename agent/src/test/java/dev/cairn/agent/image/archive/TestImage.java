package dev.cairn.agent.image.archive;

import dev.cairn.agent.image.oci.Descriptor;
import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.oci.ImageIndex;
import dev.cairn.agent.image.oci.ImageManifest;
import dev.cairn.agent.image.oci.MediaTypes;
import dev.cairn.agent.image.oci.OciJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: an image made of small hand-written layers, written as a legacy {@code docker save}
 * archive or an OCI layout archive through a {@link TarBuilder} (so tests can add unsafe entries).
 */
public record TestImage(String ref, List<byte[]> layers) {

  /** A layer tar holding one file {@code name} with {@code content}. */
  public static byte[] layer(String name, String content) throws IOException {
    return new TarBuilder().file(name, content.getBytes(StandardCharsets.UTF_8)).bytes();
  }

  public List<Digest> diffIds() {
    return layers.stream().map(Digest::of).toList();
  }

  public byte[] config() throws IOException {
    Map<String, Object> rootfs = new LinkedHashMap<>();
    rootfs.put("type", "layers");
    rootfs.put("diff_ids", diffIds().stream().map(Digest::toString).toList());
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("architecture", "amd64");
    config.put("os", "linux");
    config.put("config", Map.of("Cmd", List.of("/bin/sh")));
    config.put("rootfs", rootfs);
    return OciJson.bytes(config);
  }

  public Digest imageId() throws IOException {
    return Digest.of(config());
  }

  /** Adds a legacy docker-save layout ({@code <id>/layer.tar}, {@code <hex>.json}, {@code manifest.json} last). */
  public TarBuilder dockerSave(TarBuilder tar) throws IOException {
    byte[] config = config();
    String configName = Digest.of(config).hex() + ".json";
    tar.file(configName, config);
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      String id = Digest.of("v1-" + ref + "-" + i).hex();
      tar.dir(id);
      tar.file(id + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8));
      tar.file(id + "/layer.tar", layers.get(i));
      paths.add(id + "/layer.tar");
    }
    String manifest = "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"" + ref + "\"],\"Layers\":"
        + OciJson.MAPPER.writeValueAsString(paths) + "}]";
    tar.file("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
    return tar;
  }

  public TarBuilder dockerSave() throws IOException {
    return dockerSave(new TarBuilder());
  }

  /** An OCI layout archive whose index names the image only by tag (as skopeo writes). */
  public TarBuilder ociLayout(String refName) throws IOException {
    return ociLayout(refName, -1);
  }

  /**
   * An OCI layout of the image; {@code linkedLayer} (if not -1) is stored as a symlink to the
   * first layer's blob instead of its own bytes, as a tampered layout could.
   */
  public TarBuilder ociLayout(String refName, int linkedLayer) throws IOException {
    TarBuilder tar = new TarBuilder();
    tar.file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
    byte[] config = config();
    List<Descriptor> layerDescriptors = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      byte[] layer = layers.get(i);
      layerDescriptors.add(new Descriptor(MediaTypes.OCI_LAYER, Digest.of(layer), layer.length));
      if (i == linkedLayer) {
        tar.symlink("blobs/sha256/" + Digest.of(layer).hex(), Digest.of(layers.get(0)).hex());
      } else {
        tar.file("blobs/sha256/" + Digest.of(layer).hex(), layer);
      }
    }
    tar.file("blobs/sha256/" + Digest.of(config).hex(), config);
    byte[] manifest = OciJson.bytes(
        ImageManifest.oci(new Descriptor(MediaTypes.OCI_CONFIG, Digest.of(config), config.length), layerDescriptors));
    tar.file("blobs/sha256/" + Digest.of(manifest).hex(), manifest);
    Descriptor entry = new Descriptor(MediaTypes.OCI_MANIFEST, Digest.of(manifest), manifest.length,
        Map.of(ImageIndex.REF_NAME_ANNOTATION, refName), null);
    tar.file("index.json", OciJson.bytes(ImageIndex.of(List.of(entry))));
    return tar;
  }
}
