package dev.cairn.cli.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.agent.repository.JsonCodec;
import dev.cairn.cli.inventory.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot commands as an operator runs them (in process, real repositories in temp dirs). */
class SnapshotCommandsTest {

  @TempDir Path tmp;
  private Path password;
  private String out;
  private String err;

  @BeforeEach
  void setUp() throws Exception {
    password = Files.writeString(tmp.resolve("pw"), "s3cret\n");
    Path source = Files.createDirectories(tmp.resolve("src/sub"));
    Files.writeString(source.resolve("a.txt"), "alpha\n".repeat(100));
    Files.write(tmp.resolve("src/b.bin"), new byte[700_000]);
    Files.createSymbolicLink(tmp.resolve("src/link"), Path.of("sub/a.txt"));
  }

  private int run(String... args) {
    CliRun result = CliRun.of(args);
    out = result.out();
    err = result.err();
    return result.status();
  }

  private String repo(String name) {
    return tmp.resolve(name).toString();
  }

  private int init(String name) {
    return run("repo", "init", "--repo", repo(name), "--password-file", password.toString(), "--kdf-n", "1024");
  }

  @Test
  void snapshotRestoreVerify_roundTrip_worksAndPrintsJson() throws Exception {
    assertThat(init("r")).as(err).isZero();
    assertThat(run("snapshot", "--repo", repo("r"), "--password-file", password.toString(), "--volume", "vol",
        "--tag", "daily", "--json", tmp.resolve("src").toString())).as(err).isZero();
    JsonNode summary = JsonCodec.mapper().readTree(out);
    String id = summary.get("id").asText();
    assertThat(summary.get("summary").get("filesNew").asInt()).isEqualTo(2);

    assertThat(run("snapshots", "--repo", repo("r"), "--password-file", password.toString(), "--json")).isZero();
    assertThat(JsonCodec.mapper().readTree(out).get(0).get("tags").get(0).asText()).isEqualTo("daily");

    assertThat(run("restore", "--repo", repo("r"), "--password-file", password.toString(), id.substring(0, 8),
        "--target", repo("out"))).as(out + err).isZero();
    assertThat(Files.readString(tmp.resolve("out/sub/a.txt"))).isEqualTo("alpha\n".repeat(100));
    assertThat(Files.readSymbolicLink(tmp.resolve("out/link"))).isEqualTo(Path.of("sub/a.txt"));

    assertThat(run("restore", "--repo", repo("r"), "--password-file", password.toString(), "latest", "--volume", "vol",
        "--target", repo("only"), "--include", "sub/*")).isZero();
    assertThat(tmp.resolve("only/sub/a.txt")).exists();
    assertThat(tmp.resolve("only/b.bin")).doesNotExist();

    assertThat(run("verify", "--repo", repo("r"), "--password-file", password.toString(), "--read-data")).isZero();
    assertThat(out).contains("repository is healthy");
    assertThat(run("restore-test", "--repo", repo("r"), "--password-file", password.toString(), "--scratch",
        repo("scratch"))).as(out).isZero();
    assertThat(out).contains("PASS").contains("2 files").contains("1 symlinks");

    Files.writeString(tmp.resolve("src/new.txt"), "new");
    assertThat(run("snapshot", "--repo", repo("r"), "--password-file", password.toString(), "--volume", "vol",
        tmp.resolve("src").toString())).isZero();
    assertThat(out).contains("1 new").contains("2 unchanged");
    assertThat(run("diff", "--repo", repo("r"), "--password-file", password.toString(), id, "latest")).isZero();
    assertThat(out).contains("+ new.txt");
    assertThat(run("prune", "--repo", repo("r"), "--password-file", password.toString())).as(err).isZero();
  }

  @Test
  void anyCommand_wrongPassword_failsWithClearMessageAndWritesNothing() throws Exception {
    init("r");
    run("snapshot", "--repo", repo("r"), "--password-file", password.toString(), tmp.resolve("src").toString());
    List<String> before = listing(tmp.resolve("r"));
    Path wrong = Files.writeString(tmp.resolve("wrong"), "nope");

    int code = run("snapshot", "--repo", repo("r"), "--password-file", wrong.toString(), tmp.resolve("src").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err).contains("opens with this password").doesNotContain("Exception");
    assertThat(listing(tmp.resolve("r"))).isEqualTo(before);
  }

  @Test
  void snapshots_noRepository_saysHowToCreateOne() {
    assertThat(run("snapshots", "--repo", repo("absent"), "--password-file", password.toString())).isEqualTo(1);
    assertThat(err).contains("repo init");
    assertThat(tmp.resolve("absent")).doesNotExist();
  }

  @Test
  void keyAddListRemove_secondPassword_opensAndOldOneCanBeRemoved() throws Exception {
    init("r");
    Path second = Files.writeString(tmp.resolve("pw2"), "other");
    assertThat(run("repo", "key", "add", "--repo", repo("r"), "--password-file", password.toString(),
        "--new-password-file", second.toString(), "--kdf-n", "1024")).as(err).isZero();
    assertThat(run("repo", "key", "list", "--repo", repo("r"), "--password-file", second.toString(), "--json")).isZero();
    JsonNode keys = JsonCodec.mapper().readTree(out);
    assertThat(keys).hasSize(2);
    String firstKey = keys.get(0).get("current").asBoolean() ? keys.get(1).get("id").asText() : keys.get(0).get("id").asText();

    assertThat(run("repo", "key", "remove", "--repo", repo("r"), "--password-file", second.toString(), firstKey))
        .as(err).isZero();
    assertThat(run("snapshots", "--repo", repo("r"), "--password-file", password.toString())).isEqualTo(1);
    assertThat(run("snapshots", "--repo", repo("r"), "--password-file", second.toString())).isZero();
  }

  @Test
  void copy_toSecondRepository_copiesOnceAndRestores() throws Exception {
    init("a");
    init("b");
    run("snapshot", "--repo", repo("a"), "--password-file", password.toString(), tmp.resolve("src").toString());

    assertThat(run("copy", "--from", repo("a"), "--password-file", password.toString(), "--to", repo("b"),
        "--to-password-file", password.toString())).as(err).isZero();
    assertThat(out).contains("copied 1 snapshot");
    assertThat(run("copy", "--from", repo("a"), "--password-file", password.toString(), "--to", repo("b"),
        "--to-password-file", password.toString())).isZero();
    assertThat(out).contains("copied 0 snapshot(s), skipped 1");
    assertThat(run("restore", "--repo", repo("b"), "--password-file", password.toString(), "latest", "--target",
        repo("out"))).isZero();
    assertThat(Files.size(tmp.resolve("out/b.bin"))).isEqualTo(700_000);
  }

  private static List<String> listing(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      List<String> result = new ArrayList<>();
      files.forEach(p -> result.add(p + ":" + p.toFile().length() + ":" + p.toFile().lastModified()));
      result.sort(null);
      return result;
    }
  }
}
