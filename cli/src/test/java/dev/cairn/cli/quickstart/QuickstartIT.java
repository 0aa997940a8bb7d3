package dev.cairn.cli.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.cli.testing.CairnProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn quickstart} as a real process: it starts, its agent appears in {@code cairn fleet
 * nodes}, Ctrl-C stops both (exit 0, ports free), and a second start on the same directory reuses
 * the enrollment.
 */
class QuickstartIT {

  private static final Pattern REST = Pattern.compile("REST API:\\s+(http://\\S+)/api/v1");
  private static final Pattern TOKEN = Pattern.compile("Admin token:\\s+(\\S+)");
  private static final Pattern GRPC = Pattern.compile("gRPC:\\s+127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path dir;
  private CairnProcess quickstart;

  @AfterEach
  void stop() throws Exception {
    if (quickstart != null) {
      quickstart.close();
    }
  }

  @Test
  void quickstart_startedTwiceAndStoppedWithCtrlC_agentAppearsInFleetNodesAndStateIsReused() throws Exception {
    Path home = dir.resolve("qs");
    Started first = startAndWait(home, dir.resolve("first.log"));
    assertThat(first.output()).contains("enrolled now");
    assertThat(Files.readString(home.resolve("admin.token")).trim()).isEqualTo(first.token());
    assertThat(home.resolve("ai-q/data/postgresql")).isDirectory();
    assertThat(home.resolve("ai-q/archives")).isDirectory();

    JsonNode nodes = fleetNodes(first, dir.resolve("fleet1.log"));
    assertThat(nodes).hasSize(1);
    assertThat(nodes.get(0).path("connected").asBoolean()).isTrue();
    String node = nodes.get(0).path("name").asText();

    stopWithCtrlC(first);

    Started second = startAndWait(home, dir.resolve("second.log"));
    assertThat(second.output()).contains("enrolled before");
    assertThat(second.token()).isEqualTo(first.token());
    JsonNode again = fleetNodes(second, dir.resolve("fleet2.log"));
    assertThat(again).hasSize(1);
    assertThat(again.get(0).path("name").asText()).isEqualTo(node);
    assertThat(again.get(0).path("connected").asBoolean()).isTrue();
    stopWithCtrlC(second);
  }

  private record Started(URI rest, String token, int grpcPort, String output) {}

  private Started startAndWait(Path home, Path log) throws Exception {
    quickstart = CairnProcess.start(log, "quickstart", "--dir", home.toString(), "--http-port", "0",
        "--grpc-port", "0");
    await().atMost(Duration.ofSeconds(90)).until(() -> quickstart.log().contains("Ctrl-C stops both.")
        || !quickstart.isAlive());
    String output = quickstart.log();
    assertThat(quickstart.isAlive()).as("quickstart running; its output:\n%s", output).isTrue();
    assertThat(output).contains("connected");
    return new Started(URI.create(group(REST, output)), group(TOKEN, output), Integer.parseInt(group(GRPC, output)),
        output);
  }

  private static JsonNode fleetNodes(Started started, Path log) throws Exception {
    CairnProcess.Result result = CairnProcess.run(log, Map.of("CAIRN_URL", started.rest().toString(),
        "CAIRN_TOKEN", started.token()), Duration.ofSeconds(60), "fleet", "nodes", "--json");
    assertThat(result.exit()).as("cairn fleet nodes: %s", result.output()).isZero();
    String output = result.output();
    return new ObjectMapper().readTree(output.substring(output.indexOf('[')));
  }

  private void stopWithCtrlC(Started started) throws Exception {
    quickstart.signal("INT");
    assertThat(quickstart.waitForExit(Duration.ofSeconds(60))).as("exit code after Ctrl-C").isZero();
    assertThat(quickstart.log()).contains("cairn quickstart: stopped");
    assertThat(free(started.rest().getPort())).as("REST port released").isTrue();
    assertThat(free(started.grpcPort())).as("gRPC port released").isTrue();
    quickstart = null;
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String group(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as("'%s' in:\n%s", pattern, text).isTrue();
    return matcher.group(1);
  }
}
