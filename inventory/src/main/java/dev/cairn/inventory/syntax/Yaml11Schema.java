package dev.cairn.inventory.syntax;

import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * The implicit typing of YAML 1.1 that Ansible's loader (PyYAML) applies to plain scalars:
 * {@code yes}/{@code off} are booleans, {@code 0755} is octal, {@code 1:20} is sexagesimal,
 * {@code 1.5e3} (no exponent sign) stays a string, {@code ~} is null. snakeyaml-engine only ships
 * the YAML 1.2 schemas, so this one restates PyYAML's resolver rules.
 */
public final class Yaml11Schema implements Schema, ScalarResolver {

  /** Tag of YAML 1.1 timestamps, kept as their text. */
  public static final Tag TIMESTAMP = new Tag(Tag.PREFIX + "timestamp");

  private static final Pattern BOOL =
      Pattern.compile("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
  private static final Pattern INT =
      Pattern.compile(
          "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
              + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
  private static final Pattern FLOAT =
      Pattern.compile(
          "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
              + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)"
              + "|\\.(?:nan|NaN|NAN)");
  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
  private static final Pattern TIMESTAMP_TEXT =
      Pattern.compile(
          "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
              + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?"
              + ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
              + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");

  @Override
  public ScalarResolver getScalarResolver() {
    return this;
  }

  @Override
  public Map<Tag, ConstructNode> getSchemaTagConstructors() {
    return Map.of();
  }

  @Override
  public Tag resolve(String value, Boolean implicit) {
    if (!implicit) {
      return Tag.STR;
    }
    if (NULL.matcher(value).matches()) {
      return Tag.NULL;
    }
    if (BOOL.matcher(value).matches()) {
      return Tag.BOOL;
    }
    if (INT.matcher(value).matches()) {
      return Tag.INT;
    }
    if (FLOAT.matcher(value).matches()) {
      return Tag.FLOAT;
    }
    if (value.equals("<<")) {
      return Tag.MERGE;
    }
    if (TIMESTAMP_TEXT.matcher(value).matches()) {
      return TIMESTAMP;
    }
    return Tag.STR;
  }
}
