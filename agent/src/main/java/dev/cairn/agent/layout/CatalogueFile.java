package dev.cairn.agent.layout;

import dev.cairn.inventory.Origin;
import dev.cairn.inventory.Variables;
import dev.cairn.inventory.desired.DesiredState;
import dev.cairn.inventory.desired.DesiredStateException;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * A node-local catalogue file ({@code cairn volumes init --catalogue FILE}), YAML or JSON, in the
 * inventory's vocabulary: either {@code cairn_*} variables as in a {@code group_vars} file
 * ({@code cairn_volumes}, {@code cairn_services}, {@code cairn_drift}, {@code
 * cairn_alert_thresholds}, ...), resolved by the inventory exactly as for a host, or a whole
 * desired-state document as {@code cairn inventory desired} prints it. YAML is read as Ansible
 * reads it (YAML 1.1: quote modes). Stateless.
 */
public final class CatalogueFile {

  private static final int MAX_BYTES = 4 * 1024 * 1024;

  private CatalogueFile() {}

  /** Reads and checks {@code file}; {@code base} is the base directory given on the command line. */
  public static Catalogue read(Path file, Path base) throws CatalogueException, IOException {
    String label = file.toString();
    String what = "invalid catalogue " + label + "; nothing was changed";
    List<String> warnings = new ArrayList<>();
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, Origin> origins = new LinkedHashMap<>();
    try {
      YamlDocument.Parsed parsed = YamlDocument.parse(label, text(file, what), warnings::add);
      Node root = parsed.root().orElseThrow(() -> new CatalogueException(what, List.of(label
          + ": empty; write cairn_* variables (docs/volumes.md)")));
      if (!(root instanceof MappingNode mapping)) {
        throw new CatalogueException(what, List.of(label + ":" + YamlDocument.line(root)
            + ": must be a mapping of cairn_* variables or a desired-state document"));
      }
      for (NodeTuple t : parsed.reader().entries(mapping)) {
        String key = YamlDocument.keyText(parsed.reader().value(t.getKeyNode()));
        values.put(key, parsed.reader().value(t.getValueNode()));
        origins.put(key, new Origin(label, YamlDocument.line(t.getKeyNode())));
      }
    } catch (SyntaxException e) {
      throw new CatalogueException(what, List.of(label + ":" + e.line() + ": invalid YAML: " + e.getMessage()));
    }
    if (!warnings.isEmpty()) {
      throw new CatalogueException(what, warnings);
    }
    if (values.containsKey("schemaVersion")) {
      return CatalogueReader.fromDocument(values, base, "catalogue " + label).orElseThrow();
    }
    return fromVariables(values, origins, base, what);
  }

  private static Catalogue fromVariables(Map<String, Object> values, Map<String, Origin> origins, Path base,
      String what) throws CatalogueException {
    List<String> problems = new ArrayList<>();
    for (String key : values.keySet()) {
      if (!key.startsWith("cairn_")) {
        problems.add(origins.get(key) + ": " + key + ": unknown field; a catalogue file holds cairn_* variables"
            + " (cairn_volumes, cairn_services, cairn_drift, cairn_alert_thresholds, ...)");
      }
    }
    Path absolute = base.toAbsolutePath().normalize();
    Object given = values.get("cairn_base_dir");
    if (given != null && !Path.of(given.toString()).normalize().equals(absolute)) {
      problems.add(origins.get("cairn_base_dir") + ": cairn_base_dir: '" + given + "' differs from --base "
          + absolute + "; drop it from the file or give the same directory");
    }
    values.keySet().removeIf(key -> !key.startsWith("cairn_"));
    values.put("cairn_base_dir", absolute.toString());
    origins.putIfAbsent("cairn_base_dir", new Origin("--base", 0));
    DesiredState state = null;
    try {
      state = LocalDesiredState.resolve(new Variables(values, origins));
    } catch (DesiredStateException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new CatalogueException(what, problems);
    }
    return CatalogueReader.fromState(state, what);
  }

  private static String text(Path file, String what) throws IOException, CatalogueException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new CatalogueException(what, List.of(file + ": larger than " + (MAX_BYTES >> 20)
          + " MiB; a catalogue that large is a mistake"));
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new CatalogueException(what, List.of(file + ": not UTF-8 text; save it as UTF-8"));
    }
  }
}
