package dev.cairn.inventory.address;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands host ranges as Ansible does: {@code node[01:20]} (zero-padded, both ends of the same
 * width), {@code rack-[a:c]} (letters of {@code a-zA-Z}), {@code [1:10:2]} with a stride, several
 * ranges in one name ({@code r[1:2]-n[a:b]}), begin left out means 0.
 *
 * <p>Stricter than Ansible: a range that yields no host ({@code [3:1]}) or a stride below one is
 * an error instead of silently giving nothing.
 */
public final class HostRange {

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /**
   * Most host names one pattern may stand for: far beyond any fleet, and a bound on what an
   * uploaded inventory can make the controller build ({@code h[0:2000000000]} would exhaust it).
   */
  public static final int MAX_HOSTS = 100_000;

  private HostRange() {}

  /** Every host name {@code pattern} stands for, in order. */
  public static List<String> expand(String pattern) throws HostRangeException {
    List<String> names = new ArrayList<>();
    expandInto(pattern, pattern, names);
    return List.copyOf(names);
  }

  private static void expandInto(String whole, String pattern, List<String> out)
      throws HostRangeException {
    int open = pattern.indexOf('[');
    if (open < 0) {
      if (out.size() == MAX_HOSTS) {
        throw error(whole, "the host range stands for more than " + MAX_HOSTS + " hosts");
      }
      out.add(pattern);
      return;
    }
    int close = pattern.indexOf(']');
    if (close < open) {
      throw error(whole, "'[' without a matching ']'");
    }
    String head = pattern.substring(0, open);
    String range = pattern.substring(open + 1, close);
    String tail = pattern.substring(close + 1);
    for (String item : items(whole, range)) {
      expandInto(whole, head + item + tail, out);
    }
  }

  private static List<String> items(String whole, String range) throws HostRangeException {
    String[] bounds = range.split(":", -1);
    if (bounds.length != 2 && bounds.length != 3) {
      throw error(whole, "host range must be begin:end or begin:end:step");
    }
    String begin = bounds[0].isEmpty() ? "0" : bounds[0];
    String end = bounds[1];
    if (end.isEmpty()) {
      throw error(whole, "host range must specify end value");
    }
    int step = bounds.length == 3 ? number(whole, bounds[2], "step") : 1;
    if (step < 1) {
      throw error(whole, "the step of a host range must be 1 or more");
    }
    int width = 0;
    if (begin.length() > 1 && begin.charAt(0) == '0') {
      width = begin.length();
      if (width != end.length()) {
        throw error(whole, "host range must specify equal-length begin and end formats");
      }
    }
    List<String> items = new ArrayList<>();
    int first = LETTERS.indexOf(begin);
    int last = LETTERS.indexOf(end);
    if (begin.length() == 1 && end.length() == 1 && first >= 0 && last >= 0) {
      if (first > last) {
        throw error(whole, "host range must have begin <= end");
      }
      for (int i = first; i <= last; i += step) {
        items.add(String.valueOf(LETTERS.charAt(i)));
      }
    } else {
      long from = number(whole, begin, "begin");
      long to = number(whole, end, "end");
      if ((to - from) / step >= MAX_HOSTS) {
        throw error(whole, "the host range stands for more than " + MAX_HOSTS + " hosts");
      }
      for (long i = from; i <= to; i += step) {
        String digits = Long.toString(i);
        items.add("0".repeat(Math.max(0, width - digits.length())) + digits);
      }
    }
    if (items.isEmpty()) {
      throw error(whole, "host range is empty (begin is greater than end)");
    }
    return items;
  }

  private static int number(String whole, String text, String what) throws HostRangeException {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw error(whole, "the " + what + " of a host range must be a number or a letter, not '"
          + text + "'");
    }
  }

  private static HostRangeException error(String pattern, String problem) {
    return new HostRangeException("bad host range '" + pattern + "': " + problem);
  }
}
