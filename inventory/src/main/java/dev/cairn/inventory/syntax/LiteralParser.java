package dev.cairn.inventory.syntax;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Recursive-descent reader of the Python literal grammar accepted by {@code ast.literal_eval}. */
final class LiteralParser {

  /** Signals text that {@code ast.literal_eval} would refuse. */
  static final class NotALiteral extends Exception {
    private static final long serialVersionUID = 1L;

    NotALiteral() {
      super(null, null, false, false);
    }
  }

  private final String text;
  private int pos;
  private int depth;

  LiteralParser(String text) {
    this.text = text;
  }

  Object parseAll() throws NotALiteral {
    skipBlanks();
    if (atEnd()) {
      throw new NotALiteral();
    }
    Object first = value();
    skipBlanks();
    Object result = first;
    if (peek() == ',') {
      List<Object> tuple = new ArrayList<>();
      tuple.add(first);
      while (peek() == ',') {
        pos++;
        skipBlanks();
        if (atEnd()) {
          break;
        }
        tuple.add(value());
        skipBlanks();
      }
      result = PythonLiteral.frozenList(tuple);
    }
    if (!atEnd()) {
      throw new NotALiteral();
    }
    return result;
  }

  private Object value() throws NotALiteral {
    skipBlanks();
    char c = peek();
    if (c == '+' || c == '-') {
      pos++;
      skipBlanks();
      if (!startsNumber()) {
        throw new NotALiteral();
      }
      Object number = new NumberReader(this).read();
      return c == '+' ? number : negate(number);
    }
    if (c == '[') {
      open();
      return PythonLiteral.frozenList(items(']'));
    }
    if (c == '(') {
      return parenthesized();
    }
    if (c == '{') {
      return braces();
    }
    if (startsNumber()) {
      return new NumberReader(this).read();
    }
    if (c == '\'' || c == '"' || Character.isLetter(c) || c == '_') {
      return wordOrString();
    }
    throw new NotALiteral();
  }

  private Object wordOrString() throws NotALiteral {
    int start = pos;
    while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
      pos++;
    }
    String word = text.substring(start, pos);
    if (!atEnd() && (peek() == '\'' || peek() == '"')) {
      pos = start;
      return new StringReader(this).readConcatenated();
    }
    switch (word) {
      case "True":
        return Boolean.TRUE;
      case "False":
        return Boolean.FALSE;
      case "None":
        return null;
      default:
        throw new NotALiteral();
    }
  }

  private Object parenthesized() throws NotALiteral {
    open();
    if (closes(')')) {
      return List.of();
    }
    Object first = value();
    if (closes(')')) {
      return first;
    }
    expect(',');
    List<Object> tuple = new ArrayList<>();
    tuple.add(first);
    tuple.addAll(items(')'));
    return PythonLiteral.frozenList(tuple);
  }

  private Object braces() throws NotALiteral {
    open();
    if (closes('}')) {
      return Map.of();
    }
    Object first = value();
    skipBlanks();
    if (peek() != ':') {
      LinkedHashSet<Object> set = new LinkedHashSet<>();
      set.add(first);
      if (!closes('}')) {
        expect(',');
        set.addAll(items('}'));
      }
      return PythonLiteral.frozenList(new ArrayList<>(set));
    }
    // Python keys 1, 1.0 and True are one key: the first spelling stays, the last value wins.
    Map<Object, String> keys = new LinkedHashMap<>();
    Map<String, Object> map = new LinkedHashMap<>();
    Object key = first;
    while (true) {
      expect(':');
      String text = keys.get(identity(key));
      if (text == null) {
        text = PythonLiteral.keyText(key);
        keys.put(identity(key), text);
      }
      map.put(text, value());
      if (closes('}')) {
        return PythonLiteral.frozenMap(map);
      }
      expect(',');
      if (closes('}')) {
        return PythonLiteral.frozenMap(map);
      }
      key = value();
    }
  }

  /** The value Python compares a key by: True is 1, 2.0 is 2. */
  private static Object identity(Object key) {
    if (key instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (key instanceof Double d && d == Math.rint(d) && !d.isInfinite()
        && Math.abs(d) < 9.0e18) {
      return d.longValue();
    }
    return key;
  }

  /** Comma-separated items up to {@code close} (a trailing comma allowed), after an opening. */
  private List<Object> items(char close) throws NotALiteral {
    List<Object> items = new ArrayList<>();
    while (!closes(close)) {
      items.add(value());
      if (closes(close)) {
        return items;
      }
      expect(',');
    }
    return items;
  }

  /** Consumes an opening bracket: line breaks are blanks until it closes. */
  private void open() {
    pos++;
    depth++;
  }

  /** Consumes {@code close} if it comes next (after blanks), ending a bracket. */
  private boolean closes(char close) throws NotALiteral {
    skipBlanks();
    if (peek() != close) {
      return false;
    }
    pos++;
    depth--;
    return true;
  }

  private static Object negate(Object number) {
    if (number instanceof Long l) {
      return l == Long.MIN_VALUE ? BigInteger.valueOf(l).negate() : -l;
    }
    if (number instanceof BigInteger b) {
      BigInteger negated = b.negate();
      return negated.bitLength() < 64 ? (Object) negated.longValue() : negated;
    }
    return -((Double) number);
  }

  private boolean startsNumber() {
    char c = peek();
    return Character.isDigit(c) && c < 128
        || c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1));
  }

  private void expect(char c) throws NotALiteral {
    skipBlanks();
    if (peek() != c) {
      throw new NotALiteral();
    }
    pos++;
  }

  /** Skips spaces, comments and (inside brackets) line breaks, as Python's tokenizer does. */
  void skipBlanks() throws NotALiteral {
    while (!atEnd()) {
      char c = peek();
      if (c == ' ' || c == '\t' || c == '\f') {
        pos++;
      } else if (c == '#') {
        while (!atEnd() && peek() != '\n') {
          pos++;
        }
      } else if (c == '\n' || c == '\r') {
        if (depth == 0) {
          int save = pos;
          pos++;
          skipBlanks();
          if (!atEnd()) {
            pos = save;
            throw new NotALiteral();
          }
          return;
        }
        pos++;
      } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
        pos += 2;
      } else {
        return;
      }
    }
  }

  boolean atEnd() {
    return pos >= text.length();
  }

  char peek() {
    return atEnd() ? '\0' : text.charAt(pos);
  }

  char peekAt(int offset) {
    return pos + offset < text.length() ? text.charAt(pos + offset) : '\0';
  }

  char next() {
    return text.charAt(pos++);
  }

  int position() {
    return pos;
  }

  String text() {
    return text;
  }
}
