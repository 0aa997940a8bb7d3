package dev.cairn.inventory.source;

import dev.cairn.inventory.InventoryException;
import dev.cairn.inventory.InventoryParseException;
import dev.cairn.inventory.Origin;
import dev.cairn.inventory.syntax.SyntaxException;
import dev.cairn.inventory.syntax.YamlDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Reads one inventory or variables file as text and refuses what Cairn cannot use. */
final class InventoryFile {

  /** Inventories are configuration, not data: anything larger is a mistake. */
  static final int MAX_BYTES = 16 * 1024 * 1024;

  private InventoryFile() {}

  /** The file's text; fails on files too large, not UTF-8 or encrypted with Ansible Vault. */
  static String read(Path path, String label) throws IOException, InventoryException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new InventoryException(label + ": larger than " + (MAX_BYTES >> 20) + " MiB; an"
          + " inventory file that large is not supported");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InventoryException(label + ": not UTF-8 text; save the file as UTF-8");
    }
    if (text.startsWith("$ANSIBLE_VAULT")) {
      throw new InventoryParseException(new Origin(label, 1), "encrypted with Ansible Vault;"
          + " Cairn cannot decrypt it: decrypt it ('ansible-vault decrypt') or keep secrets in"
          + " files on the nodes and refer to their paths");
    }
    return text;
  }

  /** Parses YAML or JSON text, turning a syntax error into one that names file and line. */
  static YamlDocument.Parsed parseYaml(String label, String text, Consumer<String> warnings)
      throws InventoryParseException {
    try {
      return YamlDocument.parse(label, text, warnings);
    } catch (SyntaxException e) {
      throw new InventoryParseException(new Origin(label, e.line()), "invalid YAML: "
          + e.getMessage(), e);
    }
  }

  /** The extension as Python's {@code os.path.splitext} sees it ({@code .yml}, or empty). */
  static String extension(String name) {
    int start = 0;
    while (start < name.length() && name.charAt(start) == '.') {
      start++;
    }
    int dot = name.lastIndexOf('.');
    return dot > start ? name.substring(dot) : "";
  }
}
