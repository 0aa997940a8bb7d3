package dev.cairn.inventory.syntax;

import java.math.BigInteger;
import java.util.Locale;

/** Converts the text of a typed YAML scalar into its Java value, as PyYAML constructs it. */
final class YamlScalars {

  private YamlScalars() {}

  static Boolean bool(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return t.equals("yes") || t.equals("true") || t.equals("on");
  }

  static Object integer(String text) {
    String value = text.replace("_", "");
    boolean negative = false;
    if (value.startsWith("-") || value.startsWith("+")) {
      negative = value.charAt(0) == '-';
      value = value.substring(1);
    }
    BigInteger result;
    if (value.equals("0")) {
      result = BigInteger.ZERO;
    } else if (value.startsWith("0b")) {
      result = new BigInteger(value.substring(2), 2);
    } else if (value.startsWith("0x")) {
      result = new BigInteger(value.substring(2), 16);
    } else if (value.startsWith("0")) {
      result = new BigInteger(value, 8);
    } else if (value.contains(":")) {
      result = BigInteger.ZERO;
      for (String digit : value.split(":")) {
        result = result.multiply(BigInteger.valueOf(60)).add(new BigInteger(digit));
      }
    } else {
      result = new BigInteger(value);
    }
    if (negative) {
      result = result.negate();
    }
    return result.bitLength() < 64 ? (Object) result.longValue() : result;
  }

  static Double floating(String text) {
    String value = text.replace("_", "").toLowerCase(Locale.ROOT);
    double sign = 1;
    if (value.startsWith("-") || value.startsWith("+")) {
      sign = value.charAt(0) == '-' ? -1 : 1;
      value = value.substring(1);
    }
    if (value.equals(".inf")) {
      return sign * Double.POSITIVE_INFINITY;
    }
    if (value.equals(".nan")) {
      return Double.NaN;
    }
    if (value.contains(":")) {
      double result = 0;
      for (String digit : value.split(":")) {
        result = result * 60 + Double.parseDouble(digit);
      }
      return sign * result;
    }
    return sign * Double.parseDouble(value);
  }
}
