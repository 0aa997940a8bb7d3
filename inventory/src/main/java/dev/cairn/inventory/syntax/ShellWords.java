package dev.cairn.inventory.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into words the way Python's {@code shlex.split(line, comments=True)} does in POSIX
 * mode, which is how Ansible reads a host line of an INI inventory: blanks separate words, single
 * quotes keep everything literally, double quotes keep everything but {@code \"} and {@code \\},
 * a backslash outside quotes escapes the next character, and an unquoted {@code #} ends the line.
 */
public final class ShellWords {

  private static final String BLANKS = " \t\r\n";

  private ShellWords() {}

  /** The words of {@code line}; fails on an unclosed quote or a trailing backslash. */
  public static List<String> split(String line) throws SyntaxException {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i++);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"') {
          if (i >= line.length()) {
            throw new SyntaxException(0, "No escaped character");
          }
          char next = line.charAt(i++);
          if (next != '"' && next != '\\') {
            word.append('\\');
          }
          word.append(next);
        } else {
          word.append(c);
        }
      } else if (BLANKS.indexOf(c) >= 0) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if (c == '#') {
        break;
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\') {
        if (i >= line.length()) {
          throw new SyntaxException(0, "No escaped character");
        }
        word.append(line.charAt(i++));
        inWord = true;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new SyntaxException(0, "No closing quotation");
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
