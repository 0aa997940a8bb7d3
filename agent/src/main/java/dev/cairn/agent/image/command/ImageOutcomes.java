package dev.cairn.agent.image.command;

import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.image.ImageResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-image results of one image command and the command's completion they add up to: failed
 * if any image failed (the message names each failure and what to do), changed if any changed,
 * else ok. The details list every image with its outcome, detail and image id. Immutable.
 */
public record ImageOutcomes(List<ImageResult> results) {

  public ImageOutcomes {
    results = List.copyOf(results);
  }

  /** The completion; {@code verb} names the operation in the message, e.g. {@code loaded}. */
  public Completion completion(String verb) {
    List<ImageResult> failed = results.stream().filter(r -> r.outcome() == dev.cairn.agent.image.Outcome.FAILED).toList();
    long changed = results.stream().filter(r -> r.outcome() == dev.cairn.agent.image.Outcome.CHANGED).count();
    Map<String, Object> details = Map.of("images", results.stream().map(ImageOutcomes::detailsOf).toList());
    if (!failed.isEmpty()) {
      String message = failed.size() + " of " + results.size() + " images failed: "
          + String.join("; ", failed.stream().map(r -> r.image() + ": " + r.detail()).toList());
      return new Completion(Outcome.FAILED, message, details);
    }
    if (changed > 0) {
      return Completion.changed(changed + " of " + results.size() + " images " + verb, details);
    }
    return Completion.ok("all " + results.size() + " images already current", details);
  }

  private static Map<String, Object> detailsOf(ImageResult result) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("image", result.image());
    map.put("outcome", result.outcome().name().toLowerCase(java.util.Locale.ROOT));
    map.put("detail", result.detail());
    if (result.imageId() != null) {
      map.put("imageId", result.imageId().toString());
    }
    return map;
  }
}
