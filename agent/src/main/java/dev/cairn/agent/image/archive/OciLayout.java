package dev.cairn.agent.image.archive;

import dev.cairn.agent.image.cache.StagedBlob;
import dev.cairn.agent.image.oci.Descriptor;
import dev.cairn.agent.image.oci.ImageConfig;
import dev.cairn.agent.image.oci.ImageIndex;
import dev.cairn.agent.image.oci.ImageManifest;
import dev.cairn.agent.image.oci.ImageRef;
import dev.cairn.agent.image.oci.MediaTypes;
import dev.cairn.agent.image.oci.OciJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The OCI image layout ({@code oci-layout}, {@code index.json}, {@code blobs/sha256}): every blob is
 * named by its digest (checked while it was staged); here each manifest, config and layer named by
 * the index must be present with the size its descriptor states. A multi-platform index resolves to
 * linux/amd64.
 */
final class OciLayout {

  static final String INDEX = "index.json";
  private static final int MAX_INDEX_DEPTH = 4;

  private OciLayout() {}

  static List<ResolvedImage> resolve(ArchiveContents contents, Optional<String> name)
      throws IOException, ArchiveRejectedException {
    ImageIndex index = parseIndex(contents.read(INDEX), INDEX);
    if (index.manifests().isEmpty()) {
      throw new ArchiveRejectedException("index.json of the layout lists no image: nothing to import");
    }
    if (index.manifests().size() > 1 && name.filter(ImageRef::isValid).isPresent()) {
      throw new ArchiveRejectedException("--name NAME:TAG names one image, but the layout holds " + index.manifests().size());
    }
    List<ResolvedImage> images = new ArrayList<>();
    for (Descriptor entry : index.manifests()) {
      images.add(resolve(contents, entry, name));
    }
    return List.copyOf(images);
  }

  private static ResolvedImage resolve(ArchiveContents contents, Descriptor entry, Optional<String> name)
      throws IOException, ArchiveRejectedException {
    Descriptor target = platformManifest(contents, entry);
    StagedBlob manifestBlob = present(contents, target);
    ImageManifest manifest;
    try {
      manifest = OciJson.manifest(contents.read(manifestBlob, target.digest().toString()));
    } catch (IOException | IllegalArgumentException e) {
      throw new ArchiveRejectedException("manifest " + target.digest() + " is not valid: " + e.getMessage(), e);
    }
    if (manifest.config() == null) {
      throw new ArchiveRejectedException("manifest " + target.digest() + " has no config");
    }
    List<StagedBlob> blobs = new ArrayList<>(List.of(manifestBlob));
    StagedBlob config = present(contents, manifest.config());
    blobs.add(config);
    int diffIds;
    try {
      diffIds = OciJson.config(contents.read(config, manifest.config().digest().toString())).diffIds().size();
    } catch (IOException | IllegalArgumentException e) {
      throw new ArchiveRejectedException("image config " + manifest.config().digest() + " is not valid: " + e.getMessage(), e);
    }
    if (diffIds != manifest.layers().size()) {
      throw new ArchiveRejectedException(
          "manifest " + target.digest() + " lists " + manifest.layers().size() + " layers, its config " + diffIds);
    }
    for (Descriptor layer : manifest.layers()) {
      blobs.add(present(contents, layer));
    }
    String refName = entry.annotation(ImageIndex.REF_NAME_ANNOTATION);
    List<String> own = new ArrayList<>();
    if (entry.annotation(ImageIndex.NAME_ANNOTATION) != null) {
      own.add(entry.annotation(ImageIndex.NAME_ANNOTATION));
    } else if (refName != null && refName.contains(":")) {
      own.add(refName);
    }
    String bareTag = refName != null && !refName.contains(":") ? refName : null;
    return new ResolvedImage(
        ImageNames.name(own, bareTag, name, "image " + target.digest().shortHex() + " of the layout"),
        target.digest(), null, manifest.config(), manifest.layers(), blobs);
  }

  /** Follows nested indexes to the linux/amd64 (or only) image manifest. */
  private static Descriptor platformManifest(ArchiveContents contents, Descriptor entry)
      throws IOException, ArchiveRejectedException {
    Descriptor current = entry;
    for (int depth = 0; depth < MAX_INDEX_DEPTH; depth++) {
      if (!MediaTypes.isIndex(current.mediaType())) {
        return current;
      }
      StagedBlob blob = present(contents, current);
      List<Descriptor> candidates = parseIndex(contents.read(blob, current.digest().toString()), current.digest().toString()).manifests();
      Descriptor chosen = null;
      for (Descriptor candidate : candidates) {
        if (candidates.size() == 1
            || (candidate.platform() != null
                && "linux".equals(candidate.platform().os())
                && "amd64".equals(candidate.platform().architecture()))) {
          chosen = candidate;
          break;
        }
      }
      if (chosen == null) {
        throw new ArchiveRejectedException("index " + current.digest() + " has no linux/amd64 image");
      }
      current = chosen;
    }
    throw new ArchiveRejectedException("indexes nest deeper than " + MAX_INDEX_DEPTH + " levels");
  }

  private static StagedBlob present(ArchiveContents contents, Descriptor descriptor) throws ArchiveRejectedException {
    StagedBlob blob = contents.blob(descriptor.digest());
    if (!blob.digest().equals(descriptor.digest())) { // a link under blobs/ to another blob
      throw new ArchiveRejectedException("blob " + descriptor.digest() + " has the content of " + blob.digest()
          + " (a link to another blob?): the layout is inconsistent");
    }
    if (blob.size() != descriptor.size()) {
      throw new ArchiveRejectedException(
          "blob " + descriptor.digest() + " is " + blob.size() + " bytes, its descriptor says " + descriptor.size()
              + ": the layout is inconsistent");
    }
    return blob;
  }

  private static ImageIndex parseIndex(byte[] json, String what) throws ArchiveRejectedException {
    try {
      return OciJson.index(json);
    } catch (IOException | IllegalArgumentException e) {
      throw new ArchiveRejectedException(what + " is not a valid OCI index: " + e.getMessage(), e);
    }
  }
}
