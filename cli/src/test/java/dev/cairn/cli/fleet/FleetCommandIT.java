package dev.cairn.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.cli.Main;
import dev.cairn.controller.ControllerConfiguration;
import dev.cairn.controller.ControllerLauncher;
import dev.cairn.controller.RunningController;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn fleet} against a real controller started in this JVM on free ports. */
class FleetCommandIT {
  @TempDir static Path dir;
  private static RunningController controller;

  /** Exit code and what the command printed. */
  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void start() throws Exception {
    ControllerConfiguration config = new ControllerConfiguration().withHttpPorts(0, 0);
    config.setDataDir(dir.resolve("controller"));
    config.getGrpc().setPort(0);
    controller = ControllerLauncher.start(config);
  }

  @AfterAll
  static void stop() throws Exception {
    controller.close();
  }

  private static Run fleet(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("fleet"));
    all.addAll(List.of(args));
    all.addAll(List.of("--url", controller.restUrl().toString(), "--token", controller.adminToken()));
    return run(all.toArray(String[]::new));
  }

  /** Runs {@code cairn ARGS} in this JVM, capturing its output (shared by the fleet ITs). */
  static synchronized Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    try {
      int exit = Main.newCommandLine().execute(args);
      return new Run(exit, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void nodes_printsTableHeader() throws Exception {
    Run run = fleet("nodes");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("NAME").contains("CONNECTED").contains("HEALTH");
  }

  @Test
  void enrollTokenCreate_json_carriesFingerprintAndTarget() throws Exception {
    Run run = fleet("enroll-token", "create", "--node", "n1", "--json");

    JsonNode token = new ObjectMapper().readTree(run.out());
    assertThat(token.get("caFingerprint").asText()).isEqualTo(controller.caFingerprint());
    assertThat(token.get("grpcTarget").asText()).isEqualTo(controller.grpcTarget());
  }

  @Test
  void tokensCreate_thenList_showsTheNewTokenWithoutSecret() throws Exception {
    Run created = fleet("tokens", "create", "ci-bot", "--role", "viewer");
    Run listed = fleet("tokens", "list");

    assertThat(created.exit()).isZero();
    assertThat(created.out()).contains("cairn_");
    assertThat(listed.out()).contains("ci-bot").contains("viewer").doesNotContain("cairn_");
  }

  @Test
  void desiredPutThenGet_showsVersionAndSpec() throws Exception {
    Path spec = dir.resolve("spec.json");
    Files.writeString(spec, "{\"volumes\": {\"pg\": {\"policy\": \"gfs-default\"}}}");
    Run put = fleet("desired", "put", "--group", "site", spec.toString());
    Run get = fleet("desired", "get", "--group", "site", "--json");

    assertThat(put.exit()).isZero();
    assertThat(put.out()).contains("group site: version");
    assertThat(new ObjectMapper().readTree(get.out()).at("/spec/volumes/pg/policy").asText())
        .isEqualTo("gfs-default");
  }

  @Test
  void commandSend_unknownNode_exits1WithTheControllersError() throws Exception {
    Run run = fleet("command", "send", "ghost", "ping");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("not-found").contains("ghost").doesNotContain("Exception");
  }

  @Test
  void nodes_withoutToken_exits1NamingCairnToken() {
    Run run = run("fleet", "nodes", "--url", controller.restUrl().toString(), "--token", "");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("CAIRN_TOKEN");
  }

  @Test
  void nodes_controllerDown_exits1NamingTheUrl() {
    Run run = run("fleet", "nodes", "--url", "http://127.0.0.1:1", "--token", "x");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("Cannot reach the controller at http://127.0.0.1:1");
  }
}
