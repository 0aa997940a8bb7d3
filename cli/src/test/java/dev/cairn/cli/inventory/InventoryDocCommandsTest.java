package dev.cairn.cli.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.inventory.syntax.ShellWords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code $ cairn ...} example in the console blocks of docs/inventory.md prints exactly
 * the lines the document shows after it.
 */
class InventoryDocCommandsTest {

  private static final Path DOC = Path.of("..", "docs", "inventory.md");

  /** One documented command and the output shown for it. */
  record Example(String command, String output) {
    @Override
    public String toString() {
      return command;
    }
  }

  static Stream<Example> examples() throws Exception {
    List<Example> examples = new ArrayList<>();
    boolean console = false;
    String command = null;
    StringBuilder output = new StringBuilder();
    for (String line : Files.readAllLines(DOC)) {
      if (line.startsWith("```console")) {
        console = true;
      } else if (console && (line.startsWith("```") || line.startsWith("$ "))) {
        if (command != null) {
          examples.add(new Example(command, output.toString()));
        }
        command = line.startsWith("$ ") ? line.substring(2) : null;
        output.setLength(0);
        console = !line.startsWith("```");
      } else if (console && command != null) {
        output.append(line).append('\n');
      }
    }
    return examples.stream();
  }

  @Test
  void examples_document_hasTheCommandExamples() throws Exception {
    assertThat(examples()).hasSizeGreaterThanOrEqualTo(6)
        .allMatch(e -> !e.output().isEmpty(), "every example shows its output");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void run_documentedCommand_printsTheDocumentedOutput(Example example) throws Exception {
    List<String> words = ShellWords.split(example.command());
    assertThat(words.get(0)).isEqualTo("cairn");
    String[] args = words.subList(1, words.size()).stream()
        .map(w -> w.startsWith("inventory/") ? "../" + w : w).toArray(String[]::new);

    CliRun run = CliRun.of(args);

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out().replace("../inventory/", "inventory/")).isEqualTo(example.output());
  }
}
