package dev.cairn.agent.image.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.image.ImageResult;
import dev.cairn.agent.image.oci.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageOutcomesTest {

  private static ImageResult result(String image, dev.cairn.agent.image.Outcome outcome, String detail) {
    return new ImageResult(image, outcome, detail, outcome == dev.cairn.agent.image.Outcome.FAILED ? null
        : Digest.of(image.getBytes()), Instant.EPOCH, Instant.EPOCH);
  }

  @Test
  void completion_oneFailed_failsNamingTheImageAndItsDetail() {
    Completion completion = new ImageOutcomes(List.of(
        result("a:1", dev.cairn.agent.image.Outcome.CHANGED, "loaded"),
        result("b:2", dev.cairn.agent.image.Outcome.FAILED, "b:2 is not in the cache; import it"))).completion("loaded");

    assertThat(completion.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(completion.message()).isEqualTo("1 of 2 images failed: b:2: b:2 is not in the cache; import it");
    assertThat((List<?>) completion.details().get("images")).hasSize(2);
  }

  @Test
  void completion_someChanged_isChangedWithEachImagesDetails() {
    ImageResult changed = result("a:1", dev.cairn.agent.image.Outcome.CHANGED, "loaded");
    Completion completion = new ImageOutcomes(List.of(changed, result("b:2", dev.cairn.agent.image.Outcome.OK, "current")))
        .completion("loaded");

    assertThat(completion.outcome()).isEqualTo(Outcome.CHANGED);
    assertThat(completion.message()).isEqualTo("1 of 2 images loaded");
    assertThat(((List<?>) completion.details().get("images")).get(0)).isEqualTo(Map.of("image", "a:1",
        "outcome", "changed", "detail", "loaded", "imageId", changed.imageId().toString()));
  }

  @Test
  void completion_allAlreadyCurrent_isOk() {
    Completion completion = new ImageOutcomes(List.of(result("a:1", dev.cairn.agent.image.Outcome.OK, "current")))
        .completion("loaded");

    assertThat(completion.outcome()).isEqualTo(Outcome.OK);
    assertThat(completion.message()).isEqualTo("all 1 images already current");
  }
}
