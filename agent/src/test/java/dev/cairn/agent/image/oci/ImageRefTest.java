package dev.cairn.agent.image.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRefTest {

  @ParameterizedTest
  @CsvSource({"app:1,app,1", "team/app:1.4-rc1,team/app,1.4-rc1", "127.0.0.1:5000/app:v2,127.0.0.1:5000/app,v2",
      "registry.local/a/b:latest,registry.local/a/b,latest"})
  void parse_validReference_splitsNameAndTag(String text, String repository, String tag) {
    ImageRef ref = ImageRef.parse(text);

    assertThat(ref.repository()).isEqualTo(repository);
    assertThat(ref.tag()).isEqualTo(tag);
    assertThat(ref).hasToString(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"app", "127.0.0.1:5000/app", "App:1", "app:", "app:-x", ":1"})
  void parse_invalidReference_isRejected(String text) {
    assertThatThrownBy(() -> ImageRef.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void chainIds_ofDiffIds_followOciDefinition() {
    Digest a = Digest.of("a");
    Digest b = Digest.of("b");

    List<Digest> chains = ChainIds.of(List.of(a, b));

    assertThat(chains.get(0)).isEqualTo(a);
    assertThat(chains.get(1)).isEqualTo(Digest.of(a + " " + b));
  }

  @Test
  void digest_parse_rejectsOtherAlgorithms() {
    assertThatThrownBy(() -> Digest.parse("sha512:abcd")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only sha256");
    assertThat(Digest.parse(Digest.of("x").toString())).isEqualTo(Digest.of("x"));
  }
}
