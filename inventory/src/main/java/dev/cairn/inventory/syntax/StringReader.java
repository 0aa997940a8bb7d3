package dev.cairn.inventory.syntax;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads Python string literals (any quotes, triple quotes, {@code r}/{@code u}/{@code b}
 * prefixes, escapes) and concatenates adjacent ones, as {@code 'a' 'b'} is {@code 'ab'}. Byte
 * strings become text, as Ansible converts them; f-strings are refused.
 */
final class StringReader {

  private final LiteralParser in;

  StringReader(LiteralParser in) {
    this.in = in;
  }

  String readConcatenated() throws LiteralParser.NotALiteral {
    StringBuilder result = new StringBuilder();
    Boolean bytes = null;
    do {
      String prefix = prefix();
      boolean isBytes = prefix.contains("b");
      if (bytes != null && bytes != isBytes) {
        throw new LiteralParser.NotALiteral();
      }
      bytes = isBytes;
      result.append(body(prefix.contains("r"), isBytes));
      in.skipBlanks();
    } while (startsString());
    return result.toString();
  }

  private boolean startsString() {
    int offset = 0;
    while (offset < 2 && Character.isLetter(in.peekAt(offset))) {
      offset++;
    }
    char quote = in.peekAt(offset);
    if (quote != '\'' && quote != '"') {
      return false;
    }
    String prefix = in.text().substring(in.position(), in.position() + offset);
    return isPrefix(prefix.toLowerCase(Locale.ROOT));
  }

  private String prefix() throws LiteralParser.NotALiteral {
    StringBuilder prefix = new StringBuilder();
    while (Character.isLetter(in.peek())) {
      prefix.append(Character.toLowerCase(in.next()));
    }
    String p = prefix.toString();
    if (!isPrefix(p)) {
      throw new LiteralParser.NotALiteral();
    }
    return p;
  }

  private static boolean isPrefix(String p) {
    switch (p) {
      case "":
      case "r":
      case "u":
      case "b":
      case "br":
      case "rb":
        return true;
      default:
        return false;
    }
  }

  private String body(boolean raw, boolean bytes) throws LiteralParser.NotALiteral {
    char quote = in.next();
    boolean triple = in.peek() == quote && in.peekAt(1) == quote;
    if (triple) {
      in.next();
      in.next();
    }
    ByteArrayOutputStream byteValue = new ByteArrayOutputStream();
    StringBuilder value = new StringBuilder();
    while (true) {
      if (in.atEnd()) {
        throw new LiteralParser.NotALiteral();
      }
      char c = in.next();
      if (c == quote && (!triple || in.peek() == quote && in.peekAt(1) == quote)) {
        if (triple) {
          in.next();
          in.next();
        }
        break;
      }
      if ((c == '\n' || c == '\r') && !triple) {
        throw new LiteralParser.NotALiteral();
      }
      if (bytes && c > 127) {
        throw new LiteralParser.NotALiteral();
      }
      if (c == '\\') {
        if (in.atEnd()) {
          throw new LiteralParser.NotALiteral();
        }
        if (raw) {
          append(value, byteValue, bytes, '\\');
          append(value, byteValue, bytes, in.next());
        } else {
          escape(value, byteValue, bytes);
        }
      } else {
        append(value, byteValue, bytes, c);
      }
    }
    return bytes ? byteValue.toString(StandardCharsets.UTF_8) : value.toString();
  }

  private void escape(StringBuilder value, ByteArrayOutputStream byteValue, boolean bytes)
      throws LiteralParser.NotALiteral {
    char e = in.next();
    switch (e) {
      case '\n' -> { }
      case '\\', '\'', '"' -> append(value, byteValue, bytes, e);
      case 'a' -> append(value, byteValue, bytes, (char) 7);
      case 'b' -> append(value, byteValue, bytes, '\b');
      case 'f' -> append(value, byteValue, bytes, '\f');
      case 'n' -> append(value, byteValue, bytes, '\n');
      case 'r' -> append(value, byteValue, bytes, '\r');
      case 't' -> append(value, byteValue, bytes, '\t');
      case 'v' -> append(value, byteValue, bytes, (char) 11);
      case 'x' -> appendCode(value, byteValue, bytes, hex(2));
      case 'u', 'U' -> {
        if (bytes) {
          append(value, byteValue, true, '\\');
          append(value, byteValue, true, e);
        } else {
          value.appendCodePoint(hex(e == 'u' ? 4 : 8));
        }
      }
      case 'N' -> throw new LiteralParser.NotALiteral();
      default -> {
        if (e >= '0' && e <= '7') {
          int code = e - '0';
          for (int i = 0; i < 2 && in.peek() >= '0' && in.peek() <= '7'; i++) {
            code = code * 8 + (in.next() - '0');
          }
          appendCode(value, byteValue, bytes, code);
        } else {
          append(value, byteValue, bytes, '\\');
          append(value, byteValue, bytes, e);
        }
      }
    }
  }

  private int hex(int count) throws LiteralParser.NotALiteral {
    int code = 0;
    for (int i = 0; i < count; i++) {
      int digit = Character.digit(in.peek(), 16);
      if (digit < 0 || in.peek() > 127) {
        throw new LiteralParser.NotALiteral();
      }
      in.next();
      code = code * 16 + digit;
    }
    if (code > Character.MAX_CODE_POINT) {
      throw new LiteralParser.NotALiteral();
    }
    return code;
  }

  private static void appendCode(
      StringBuilder value, ByteArrayOutputStream byteValue, boolean bytes, int code) {
    if (bytes) {
      byteValue.write(code & 0xff);
    } else {
      value.appendCodePoint(code);
    }
  }

  private static void append(
      StringBuilder value, ByteArrayOutputStream byteValue, boolean bytes, char c) {
    if (bytes) {
      byteValue.write(c);
    } else {
      value.append(c);
    }
  }
}
