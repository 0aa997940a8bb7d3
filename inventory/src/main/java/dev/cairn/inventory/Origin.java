package dev.cairn.inventory;

/**
 * Where something was written: a file (as given, relative to the inventory when it was given
 * relative) and a 1-based line, 0 when the line is not known.
 */
public record Origin(String file, int line) {

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
