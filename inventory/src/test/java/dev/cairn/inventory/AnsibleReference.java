package dev.cairn.inventory;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Ansible (Debian package {@code ansible-core}) as the reference: runs
 * {@code ansible-inventory --graph}, {@code ansible-inventory --list} and Ansible's own pattern
 * evaluation on an inventory source and returns what it printed.
 */
final class AnsibleReference {

  static final ObjectMapper JSON = new ObjectMapper();

  private final Path workDir;

  AnsibleReference(Path workDir) {
    this.workDir = workDir;
  }

  /** Fails the test (never skips) when Ansible is not installed. */
  static Path ansibleInventory() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path p = Path.of(dir, "ansible-inventory");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return fail("ansible-inventory is not installed: these tests compare Cairn with the real"
        + " Ansible. Install the Debian package ansible-core (bin/test installs it).");
  }

  /** The lines of {@code ansible-inventory -i SOURCE --graph}. */
  List<String> graph(Path source) throws IOException, InterruptedException {
    return List.of(run(List.of(ansibleInventory().toString(), "-i", source.toString(), "--graph"),
        null).split("\n"));
  }

  /** The JSON of {@code ansible-inventory -i SOURCE --list}. */
  JsonNode list(Path source) throws IOException, InterruptedException {
    return JSON.readTree(run(List.of(ansibleInventory().toString(), "-i", source.toString(),
        "--list"), null));
  }

  /** Hosts per pattern (or {@code {"error": ...}}) as Ansible's InventoryManager selects them. */
  Map<String, JsonNode> patterns(Path source, List<String> patterns)
      throws IOException, InterruptedException {
    Path script = workDir.resolve("ansible_patterns.py");
    try (InputStream in = AnsibleReference.class.getResourceAsStream("ansible_patterns.py")) {
      Files.write(script, in.readAllBytes());
    }
    JsonNode out = JSON.readTree(run(List.of(python(), script.toString(), source.toString()),
        JSON.writeValueAsString(patterns)));
    Map<String, JsonNode> result = new LinkedHashMap<>();
    out.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue()));
    return result;
  }

  /** The interpreter Ansible runs with: the one named on the first line of ansible-inventory. */
  private static String python() throws IOException {
    String first = Files.readAllLines(ansibleInventory()).get(0);
    return first.replaceFirst("^#!\\s*", "").split("\\s+")[0];
  }

  private String run(List<String> command, String stdin) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    pb.environment().put("ANSIBLE_LOCALHOST_WARNING", "False");
    pb.environment().put("ANSIBLE_INVENTORY_UNPARSED_WARNING", "False");
    pb.redirectError(workDir.resolve("ansible.stderr").toFile());
    Process p = pb.start();
    if (stdin != null) {
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      fail("%s failed: %s", command, Files.readString(workDir.resolve("ansible.stderr")));
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  static List<String> texts(JsonNode array) {
    List<String> result = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> result.add(n.asText()));
    }
    return result;
  }
}
