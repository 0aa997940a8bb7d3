package dev.cairn.inventory.address;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host identifier with an optional port, recognised as Ansible's {@code parse_address} does:
 * a host name (labels of word characters, dashes and underscores, possibly with {@code [x:y]}
 * ranges), an IPv4 or IPv6 address, followed by {@code :port} (IPv6 only inside brackets:
 * {@code [::1]:22}).
 *
 * @param host the host part, ranges not yet expanded
 * @param port the port, or {@code null} when none was given
 */
public record HostAddress(String host, Integer port) {

  private static final String NUMERIC_RANGE = "\\[(?:[0-9]+:[0-9]+)(?::[0-9]+)?\\]";
  private static final String HEX_RANGE = "\\[(?:[0-9a-f]+:[0-9a-f]+)(?::[0-9]+)?\\]";
  private static final String ALNUM_RANGE = "\\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\\]";
  private static final String V6 = "(?:[0-9a-f]{1,4}|" + HEX_RANGE + ")";
  private static final String V4 = "(?:[01]?[0-9]{1,2}|2[0-4][0-9]|25[0-5]|" + NUMERIC_RANGE + ")";
  private static final String LABEL =
      "(?:\\w|" + ALNUM_RANGE + ")(?:[\\w-]|" + ALNUM_RANGE + ")*(?<![_-])";

  private static final Pattern BRACKETED_HOSTPORT = Pattern.compile("\\[(.+)\\]:([0-9]+)");
  private static final Pattern HOSTPORT =
      Pattern.compile("((?:[^:\\[\\]]|\\[[^\\]]*\\])*):([0-9]+)");
  private static final Pattern IPV4 =
      Pattern.compile("(?:" + V4 + "\\.){3}" + V4, Pattern.CASE_INSENSITIVE);
  private static final Pattern IPV6 =
      Pattern.compile(
          String.join(
              "|",
              List.of(
                  "(?:V:){7}V",
                  "(?:V:){1,6}:",
                  "(?:V:)(?::V){1,6}",
                  "(?:V:){2}(?::V){1,5}",
                  "(?:V:){3}(?::V){1,4}",
                  "(?:V:){4}(?::V){1,3}",
                  "(?:V:){5}(?::V){1,2}",
                  "(?:V:){6}(?::V)",
                  ":(?::V){1,6}",
                  "V?::",
                  "(?:0:){6}(?:V\\.){3}V",
                  "::(?:ffff:)?(?:V\\.){3}V",
                  "(?:0:){5}ffff:(?:V\\.){3}V"))
              .replace("V", V6),
          Pattern.CASE_INSENSITIVE);
  private static final Pattern HOSTNAME =
      Pattern.compile(
          LABEL + "(?:\\." + LABEL + ")*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

  /**
   * Parses {@code address}; empty if it is not a host identifier. With {@code allowRanges}
   * false, an identifier containing a range is refused too.
   */
  public static Optional<HostAddress> parse(String address, boolean allowRanges) {
    Integer port = null;
    String host = address;
    for (Pattern p : List.of(BRACKETED_HOSTPORT, HOSTPORT)) {
      Matcher m = p.matcher(host);
      if (m.matches()) {
        try {
          port = Integer.valueOf(m.group(2));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
        host = m.group(1);
      }
    }
    boolean valid =
        IPV4.matcher(host).matches() || IPV6.matcher(host).matches()
            || HOSTNAME.matcher(host).matches();
    if (!valid || !allowRanges && host.contains("[")) {
      return Optional.empty();
    }
    return Optional.of(new HostAddress(host, port));
  }

  /**
   * The host names and port an inventory entry stands for, as Ansible expands a host entry:
   * {@code node[01:03]:2222} is three names on port 2222; an entry that is not a valid address
   * is taken whole.
   */
  public static Expansion expand(String entry) throws HostRangeException {
    Optional<HostAddress> address = parse(entry, true);
    String pattern = address.map(HostAddress::host).orElse(entry);
    Integer port = address.map(HostAddress::port).orElse(null);
    List<String> names = pattern.contains("[") ? HostRange.expand(pattern) : List.of(pattern);
    return new Expansion(names, port);
  }

  /** The names an entry expands to and the port they share ({@code null} if none). */
  public record Expansion(List<String> names, Integer port) {
    public Expansion {
      names = List.copyOf(names);
    }
  }
}
