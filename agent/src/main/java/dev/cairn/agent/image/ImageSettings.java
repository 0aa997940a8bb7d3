package dev.cairn.agent.image;

import dev.cairn.agent.image.oci.ImageRef;

/** Settings of the image service: the moving alias tag (default {@code current}, e.g. {@code latest}). */
public record ImageSettings(String alias) {

  public static final String DEFAULT_ALIAS = "current";

  public ImageSettings {
    alias = alias == null || alias.isBlank() ? DEFAULT_ALIAS : alias;
    new ImageRef("x", alias); // validates the tag syntax
  }

  public static ImageSettings defaults() {
    return new ImageSettings(DEFAULT_ALIAS);
  }
}
