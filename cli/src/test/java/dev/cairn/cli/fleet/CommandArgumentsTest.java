package dev.cairn.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --arg k=v} parsing of {@code cairn fleet command send}. */
class CommandArgumentsTest {
  @Test
  void parseArguments_jsonLiteralsStringsAndRepeatedKeys() throws Exception {
    ObjectNode arguments = CommandCommand.parseArguments(List.of(
        "volume=postgresql-data", "readDataPercent=12.5", "dryRun=true", "images=a:1", "images=b:2"));

    assertThat(arguments.get("volume").asText()).isEqualTo("postgresql-data");
    assertThat(arguments.get("readDataPercent").asDouble()).isEqualTo(12.5);
    assertThat(arguments.get("dryRun").isBoolean()).isTrue();
    assertThat(arguments.get("images").isArray()).isTrue();
    assertThat(arguments.get("images")).hasSize(2);
  }

  @Test
  void parseArguments_withoutEquals_isRefused() {
    assertThatThrownBy(() -> CommandCommand.parseArguments(List.of("volume")))
        .isInstanceOf(FleetException.class).hasMessageContaining("KEY=VALUE");
  }
}
