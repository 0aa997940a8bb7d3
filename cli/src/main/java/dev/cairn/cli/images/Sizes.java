package dev.cairn.cli.images;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Byte sizes: parses {@code 500M}, {@code 10G}, {@code 1024} (binary units), formats {@code 1.5 GiB}. */
final class Sizes implements ITypeConverter<Long> {

  @Override
  public Long convert(String value) {
    return parse(value);
  }

  static long parse(String value) {
    String text = value.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
    long unit = 1;
    if (!text.isEmpty()) {
      switch (text.charAt(text.length() - 1)) {
        case 'K' -> unit = 1L << 10;
        case 'M' -> unit = 1L << 20;
        case 'G' -> unit = 1L << 30;
        case 'T' -> unit = 1L << 40;
        default -> unit = 1;
      }
    }
    String number = unit == 1 ? text : text.substring(0, text.length() - 1);
    try {
      double amount = Double.parseDouble(number);
      if (amount < 0) {
        throw new NumberFormatException();
      }
      return (long) (amount * unit);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a size: write e.g. 500M, 10G or 1048576");
    }
  }

  static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
