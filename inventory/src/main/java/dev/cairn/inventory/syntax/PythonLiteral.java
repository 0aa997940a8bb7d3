package dev.cairn.inventory.syntax;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a value of an INI inventory the way Ansible does: with Python's {@code ast.literal_eval},
 * falling back to the text itself. {@code 23} is a number, {@code True} a boolean, {@code None}
 * null, {@code [1, 'a']} a list, {@code {'k': 1}} a mapping, {@code 'quoted'} a string; anything
 * else ({@code yes}, {@code 010}, {@code hello world}) stays the text as written.
 *
 * <p>Values are {@link String}, {@link Long} or {@link BigInteger}, {@link Double}, {@link
 * Boolean}, {@code null}, {@link List} (also for tuples and sets) and {@link Map} with string keys
 * (keys converted as JSON converts them). Imaginary numbers stay text.
 */
public final class PythonLiteral {

  private PythonLiteral() {}

  /** The value of {@code text} as a Python literal, or {@code text} itself if it is none. */
  public static Object valueOrText(String text) {
    try {
      return new LiteralParser(text).parseAll();
    } catch (LiteralParser.NotALiteral e) {
      return text;
    }
  }

  /** Converts a mapping key as Python's {@code json.dumps} does; tuples are not keys. */
  static String keyText(Object key) throws LiteralParser.NotALiteral {
    if (key instanceof String s) {
      return s;
    }
    if (key == null) {
      return "null";
    }
    if (key instanceof List<?>) {
      throw new LiteralParser.NotALiteral();
    }
    return String.valueOf(key);
  }

  /** Builds the Java value of a Python number literal without underscores. */
  static Object integer(String digits, int radix) {
    BigInteger value = new BigInteger(digits, radix);
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  static List<Object> frozenList(List<Object> items) {
    return Collections.unmodifiableList(new ArrayList<>(items));
  }

  static Map<String, Object> frozenMap(Map<String, Object> entries) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }
}
