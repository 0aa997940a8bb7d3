package dev.cairn.agent.image.archive;

import dev.cairn.agent.image.oci.ImageRef;
import java.util.List;
import java.util.Optional;

/**
 * Names an archive's image: its own references, completed or replaced by the operator's
 * {@code --name} ({@code NAME} completes a bare tag, {@code NAME:TAG} replaces).
 */
final class ImageNames {

  private ImageNames() {}

  /**
   * Refuses an operator's {@code --name} that is neither {@code NAME:TAG} nor {@code NAME} (a name
   * may carry a registry port: {@code 127.0.0.1:5000/app} is a NAME), before anything is read.
   */
  static void check(Optional<String> override) throws ArchiveRejectedException {
    if (override.isEmpty() || ImageRef.isValid(override.get())) {
      return;
    }
    try {
      new ImageRef(override.get(), "latest");
    } catch (IllegalArgumentException e) {
      throw new ArchiveRejectedException("--name '" + override.get() + "' is neither NAME nor NAME:TAG ("
          + e.getMessage() + "); nothing was imported");
    }
  }

  static List<ImageRef> name(List<String> ownRefs, String bareTag, Optional<String> override, String what)
      throws ArchiveRejectedException {
    if (override.isPresent() && ImageRef.isValid(override.get())) {
      return List.of(ImageRef.parse(override.get()));
    }
    List<ImageRef> refs = new java.util.ArrayList<>();
    for (String own : ownRefs) {
      if (ImageRef.isValid(own)) {
        refs.add(ImageRef.parse(own));
      }
    }
    if (!refs.isEmpty()) {
      return List.copyOf(refs);
    }
    if (override.isPresent() && bareTag != null) {
      try {
        return List.of(new ImageRef(override.get(), bareTag));
      } catch (IllegalArgumentException e) {
        throw new ArchiveRejectedException("cannot name " + what + ": " + e.getMessage());
      }
    }
    throw new ArchiveRejectedException(
        what + " carries no usable name:tag" + (bareTag == null ? "" : " (only the tag '" + bareTag + "')")
            + ": give one with --name NAME" + (bareTag == null ? ":TAG" : " or --name NAME:TAG"));
  }
}
