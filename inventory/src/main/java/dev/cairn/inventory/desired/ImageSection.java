package dev.cairn.inventory.desired;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves {@code cairn_images} (image name → {@code {tag, alias}} or just the tag) and
 * {@code cairn_image_cache} ({@code keep_previous}, {@code max_size}, {@code alias},
 * {@code push_registry}), issue #6's vocabulary.
 */
final class ImageSection {

  private static final Pattern NAME =
      Pattern.compile("(?:[A-Za-z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:[._-]+[a-z0-9]+)*"
          + "(?:/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern REGISTRY = Pattern.compile("[A-Za-z0-9.-]+(?::[0-9]{1,5})?");

  private ImageSection() {}

  static ImageCache cache(CairnVariables vars) {
    ImageCache defaults = new ImageCache(2, 0, "current", null);
    return vars.spec("cairn_image_cache").map(s -> {
      s.only("keep_previous", "max_size", "alias", "push_registry");
      String alias = tag(s, "alias", defaults.alias());
      String registry = s.string("push_registry", null);
      if (registry != null && !REGISTRY.matcher(registry).matches()) {
        s.problem("push_registry", "must be host:port of a registry, e.g. 127.0.0.1:5000");
      }
      return new ImageCache(s.integer("keep_previous", defaults.keepPrevious(), 0, 1000),
          s.bytes("max_size", 0), alias, registry);
    }).orElse(defaults);
  }

  static List<Image> images(CairnVariables vars, ImageCache cache) {
    List<Image> images = new ArrayList<>();
    vars.spec("cairn_images").ifPresent(spec -> {
      for (Map.Entry<String, Object> e : spec.entries().entrySet()) {
        String name = e.getKey();
        if (!NAME.matcher(name).matches()) {
          spec.problem(name, "not an image name such as postgres or registry.local:5000/team/app");
          continue;
        }
        if (e.getValue() instanceof String || e.getValue() instanceof Number) {
          Spec.of(Map.of("tag", e.getValue()), spec.path() + "." + name, spec.origin(),
              spec.problems()).ifPresent(s -> images.add(image(name, s, cache)));
        } else {
          Spec.of(e.getValue(), spec.path() + "." + name, spec.origin(), spec.problems())
              .ifPresent(s -> images.add(image(name, s, cache)));
        }
      }
    });
    images.sort(Comparator.comparing(Image::name));
    return images;
  }

  private static Image image(String name, Spec s, ImageCache cache) {
    s.only("tag", "alias");
    String tag = tag(s, "tag", null);
    if (tag == null && !s.has("tag")) {
      s.problem("tag", "the version to make current is required");
    }
    String alias = tag(s, "alias", cache.alias());
    if (tag != null && tag.equals(alias)) {
      s.problem("alias", "the alias must differ from the tag it points at");
    }
    return new Image(name, tag, alias);
  }

  private static String tag(Spec s, String key, String otherwise) {
    String value = s.string(key, otherwise);
    if (value != null && !TAG.matcher(value).matches()) {
      s.problem(key, "'" + value + "' is not a valid image tag");
      return otherwise;
    }
    return value;
  }
}
