package dev.cairn.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Ansible-style output of a fleet run. */
class PlayRecapTest {
  private static final String RUN = """
      {"id": "run-1", "pattern": "web", "kind": "ping", "status": "expired", "warnings": [],
       "counts": {"total": 4, "ok": 1, "changed": 1, "failed": 0, "skipped": 1, "pending": 0,
                  "expired": 1},
       "hosts": [
         {"node": "web1", "status": "ok", "message": "pong"},
         {"node": "web22", "status": "changed", "message": "rotated"},
         {"node": "web3", "status": "expired", "reason": "no result; unreachable since X"},
         {"node": "db1", "status": "skipped", "reason": "not enrolled"}]}
      """;

  private static String print(String json) throws Exception {
    JsonNode run = new ObjectMapper().readTree(json);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PlayRecap.print(run, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void print_mixedResults_linePerHostRecapAlignedAndSummary() throws Exception {
    String out = print(RUN);

    assertThat(out).contains("ok: [web1] => pong").contains("changed: [web22] => rotated")
        .contains("failed: [web3] => no result; unreachable since X")
        .contains("skipping: [db1] => not enrolled");
    assertThat(out).contains("PLAY RECAP ***");
    assertThat(out).contains(
        "web1    : ok=1    changed=0    failed=0    pending=0    skipped=0\n");
    assertThat(out).contains(
        "web3    : ok=0    changed=0    failed=1    pending=0    skipped=0\n");
    assertThat(out).contains(
        "db1     : ok=0    changed=0    failed=0    pending=0    skipped=1\n");
    assertThat(out.strip()).endsWith("run run-1 expired: 4 hosts, 1 ok, 1 changed, 0 failed, "
        + "1 expired, 0 pending, 1 skipped");
  }
}
