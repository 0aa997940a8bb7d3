package dev.cairn.agent.hook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the scripts of docs/hooks.md, so that the tests run exactly what the operator is told to use. */
final class DocRecipes {

  private DocRecipes() {}

  /** The fenced block after {@code <!-- recipe: NAME -->}, without its fences. */
  static String recipe(String name) throws IOException {
    Path doc = docs().resolve("hooks.md");
    String text = Files.readString(doc);
    String marker = "<!-- recipe: " + name + " -->";
    int at = text.indexOf(marker);
    if (at < 0) {
      throw new AssertionError(doc + " has no " + marker);
    }
    int open = text.indexOf("```", at);
    int start = text.indexOf('\n', open) + 1;
    int end = text.indexOf("```", start);
    return text.substring(start, end);
  }

  private static Path docs() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("docs/hooks.md"))) {
        return dir.resolve("docs");
      }
    }
    throw new AssertionError("docs/hooks.md not found above " + Path.of("").toAbsolutePath());
  }
}
