package dev.cairn.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pattern example of docs/inventory.md selects what the document says. */
class InventoryDocTest {

  static Stream<DocPatternExamples.Row> rows() throws Exception {
    return DocPatternExamples.rows().stream();
  }

  @Test
  void rows_document_hasThePatternTable() throws Exception {
    assertThat(DocPatternExamples.rows()).hasSizeGreaterThanOrEqualTo(30);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void hosts_documentedPattern_selectsWhatTheDocumentSays(DocPatternExamples.Row row)
      throws Exception {
    HostSelection selection = Fixtures.load(row.inventory()).hosts(row.pattern());

    if (row.count() != null) {
      assertThat(selection.hosts()).hasSize(row.count());
    } else if (row.nothing()) {
      assertThat(selection.hosts()).isEmpty();
      assertThat(selection.warnings()).isNotEmpty();
    } else {
      assertThat(selection.hosts()).containsExactlyElementsOf(row.hosts());
    }
  }
}
