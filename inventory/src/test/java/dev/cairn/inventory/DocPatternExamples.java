package dev.cairn.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pattern examples of docs/inventory.md: the rows of every table between
 * {@code <!-- pattern-examples INVENTORY -->} and {@code <!-- /pattern-examples -->}.
 */
final class DocPatternExamples {

  private static final Pattern BEGIN = Pattern.compile("<!-- pattern-examples (\\S+) -->");
  private static final Pattern CODE = Pattern.compile("`([^`]*)`");
  private static final Pattern COUNT = Pattern.compile("(\\d+) hosts?");

  /** One row: the pattern and what the document says it selects. */
  record Row(String inventory, String pattern, String selects) {

    /** The count, when the document gives only a count ({@code 52 hosts}). */
    Integer count() {
      Matcher m = COUNT.matcher(selects);
      return m.matches() ? Integer.valueOf(m.group(1)) : null;
    }

    /** Whether the document says the pattern selects nothing. */
    boolean nothing() {
      return selects.startsWith("nothing");
    }

    /** The hosts the document lists, in order. */
    List<String> hosts() {
      List<String> hosts = new ArrayList<>();
      Matcher m = CODE.matcher(selects);
      while (m.find()) {
        hosts.add(m.group(1));
      }
      return hosts;
    }
  }

  private DocPatternExamples() {}

  static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    String inventory = null;
    for (String line : Files.readAllLines(Fixtures.DOC)) {
      Matcher begin = BEGIN.matcher(line.strip());
      if (begin.matches()) {
        inventory = begin.group(1);
      } else if (line.strip().equals("<!-- /pattern-examples -->")) {
        inventory = null;
      } else if (inventory != null && line.startsWith("| `")) {
        String[] cells = line.split("\\|");
        String pattern = cells[1].strip();
        rows.add(new Row(inventory.replaceFirst("^inventory/", ""),
            pattern.substring(1, pattern.length() - 1), cells[2].strip()));
      }
    }
    return rows;
  }
}
