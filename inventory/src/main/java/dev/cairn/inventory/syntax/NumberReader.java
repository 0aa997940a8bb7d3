package dev.cairn.inventory.syntax;

/**
 * Reads one Python number literal: decimal, {@code 0x}/{@code 0o}/{@code 0b} integers and floats,
 * with single underscores between digits. Integers with a leading zero ({@code 010}) and
 * imaginary numbers ({@code 1j}) are refused, as {@code ast.literal_eval} refuses the first and
 * Ansible cannot print the second.
 */
final class NumberReader {

  private final LiteralParser in;

  NumberReader(LiteralParser in) {
    this.in = in;
  }

  Object read() throws LiteralParser.NotALiteral {
    char first = in.peek();
    char second = Character.toLowerCase(in.peekAt(1));
    if (first == '0' && (second == 'x' || second == 'o' || second == 'b')) {
      in.next();
      in.next();
      int radix = second == 'x' ? 16 : second == 'o' ? 8 : 2;
      String digits = digits(radix, true);
      return finish(PythonLiteral.integer(digits, radix));
    }
    StringBuilder literal = new StringBuilder();
    boolean isFloat = false;
    if (in.peek() != '.') {
      literal.append(digits(10, false));
    }
    if (in.peek() == '.') {
      in.next();
      isFloat = true;
      literal.append('.');
      if (isDigit(in.peek(), 10)) {
        literal.append(digits(10, false));
      }
    }
    char e = in.peek();
    if ((e == 'e' || e == 'E') && exponentFollows()) {
      in.next();
      isFloat = true;
      literal.append('e');
      if (in.peek() == '+' || in.peek() == '-') {
        literal.append(in.next());
      }
      literal.append(digits(10, false));
    }
    if (isFloat) {
      return finish(Double.parseDouble(literal.toString()));
    }
    String digits = literal.toString();
    if (digits.length() > 1 && digits.charAt(0) == '0' && !digits.chars().allMatch(c -> c == '0')) {
      throw new LiteralParser.NotALiteral();
    }
    return finish(PythonLiteral.integer(digits, 10));
  }

  private boolean exponentFollows() {
    char sign = in.peekAt(1);
    char digit = sign == '+' || sign == '-' ? in.peekAt(2) : sign;
    return isDigit(digit, 10);
  }

  /** Digits with single underscores between them; after a radix prefix one may lead. */
  private String digits(int radix, boolean afterPrefix) throws LiteralParser.NotALiteral {
    StringBuilder digits = new StringBuilder();
    boolean needDigit = true;
    if (afterPrefix && in.peek() == '_') {
      in.next();
    }
    while (true) {
      char c = in.peek();
      if (isDigit(c, radix)) {
        digits.append(in.next());
        needDigit = false;
      } else if (c == '_' && !needDigit && isDigit(in.peekAt(1), radix)) {
        in.next();
        needDigit = true;
      } else {
        break;
      }
    }
    if (digits.length() == 0) {
      throw new LiteralParser.NotALiteral();
    }
    return digits.toString();
  }

  private Object finish(Object number) throws LiteralParser.NotALiteral {
    char c = in.peek();
    if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
      throw new LiteralParser.NotALiteral();
    }
    return number;
  }

  private static boolean isDigit(char c, int radix) {
    return c < 128 && Character.digit(c, radix) >= 0;
  }
}
