package dev.cairn.controller.service;

import dev.cairn.controller.error.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * Validation of names that end up in keys, certificates and URLs: node and group names (letters,
 * digits, {@code . _ -}; 1 to 63 characters, starting with a letter or digit) and command ids
 * (the same alphabet plus {@code :}, up to 128 characters).
 */
public final class Names {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  private Names() {}

  public static String node(String name) throws InvalidRequestException {
    return check(name, NAME, "node name");
  }

  public static String group(String name) throws InvalidRequestException {
    return check(name, NAME, "group name");
  }

  public static String commandId(String id) throws InvalidRequestException {
    return check(id, ID, "command id");
  }

  private static String check(String value, Pattern pattern, String what)
      throws InvalidRequestException {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new InvalidRequestException("Invalid " + what + " '" + value + "': use 1 to "
          + (pattern == ID ? 128 : 63) + " letters, digits, '.', '_' or '-'"
          + (pattern == ID ? " or ':'" : "") + ", starting with a letter or digit");
    }
    return value;
  }
}
