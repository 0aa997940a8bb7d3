package dev.cairn.agent.layout;

import java.util.regex.Pattern;

/**
 * Permission bits of a directory, including set-user-id, set-group-id and sticky ({@code 0..07777}),
 * written as four octal digits ({@code 0750}). Immutable.
 */
public record FileMode(int bits) {

  private static final Pattern OCTAL = Pattern.compile("[0-7]{3,4}");

  /** Parent directories Cairn creates that are not in the catalogue: {@code rwxr-xr-x}. */
  public static final FileMode PARENT = new FileMode(0755);

  public FileMode {
    if (bits < 0 || bits > 07777) {
      throw new IllegalArgumentException("not a file mode: " + Integer.toOctalString(bits));
    }
  }

  /** Whether {@code text} is three or four octal digits. */
  public static boolean valid(String text) {
    return text != null && OCTAL.matcher(text).matches();
  }

  /** Parses three or four octal digits. */
  public static FileMode parse(String text) {
    if (!valid(text)) {
      throw new IllegalArgumentException("'" + text + "' is not an octal file mode such as 0750");
    }
    return new FileMode(Integer.parseInt(text, 8));
  }

  @Override
  public String toString() {
    return String.format("%04o", bits);
  }
}
