package dev.cairn.cli.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.agent.backend.S3TestServer;
import dev.cairn.agent.repository.JsonCodec;
import dev.cairn.cli.testing.CairnProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn} (the shipped jar, as its own process) on an {@code s3:} repository served by a real
 * S3 server (s3proxy on a free port of 127.0.0.1, signature-checked credentials, objects in a temp
 * directory): {@code repo init} creates the missing bucket, then snapshot, snapshots, restore
 * (bit-exact), verify --read-data, forget --prune and restore-test; and the clear errors for
 * missing credentials and a repository that does not exist.
 */
class S3RepositoryIT {

  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  @TempDir Path tmp;
  private S3TestServer s3;
  private String endpoint;
  private Path password;
  private Map<String, String> credentials;

  @BeforeEach
  void startS3() throws Exception {
    s3 = S3TestServer.start();
    endpoint = s3.endpoint().toString();
    password = Files.writeString(tmp.resolve("pw"), "s3cret\n");
    credentials = Map.of("AWS_ACCESS_KEY_ID", S3TestServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3TestServer.SECRET_KEY,
        "TMPDIR", Files.createDirectories(tmp.resolve("staging-parent")).toString());
  }

  @AfterEach
  void stopS3() throws Exception {
    s3.close();
  }

  private CairnProcess.Result cairn(Map<String, String> env, String... args) throws Exception {
    return CairnProcess.run(tmp.resolve("cairn.log"), env, TIMEOUT, args);
  }

  private CairnProcess.Result cairn(String... args) throws Exception {
    return cairn(credentials, args);
  }

  private static String jsonPart(String output) {
    int brace = output.indexOf('{');
    int bracket = output.indexOf('[');
    return output.substring(bracket >= 0 && (brace < 0 || bracket < brace) ? bracket : brace);
  }

  private Path sourceTree() throws Exception {
    Path source = Files.createDirectories(tmp.resolve("src/dir/sub"));
    byte[] random = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(random);
    Files.write(tmp.resolve("src/big.bin"), random);
    Files.writeString(tmp.resolve("src/dir/notes.txt"), "alpha\n".repeat(10_000));
    Files.createFile(source.resolve("empty"));
    Files.createSymbolicLink(tmp.resolve("src/link"), Path.of("dir/notes.txt"));
    return tmp.resolve("src");
  }

  private static void assertSameFiles(Path expected, Path actual) throws Exception {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(expected)) {
      walk.forEach(files::add);
    }
    assertThat(files).hasSizeGreaterThan(4);
    for (Path path : files) {
      Path other = actual.resolve(expected.relativize(path).toString());
      if (Files.isSymbolicLink(path)) {
        assertThat(Files.readSymbolicLink(other)).isEqualTo(Files.readSymbolicLink(path));
      } else if (Files.isRegularFile(path)) {
        assertThat(Files.mismatch(path, other)).as("%s restored bit-exact", other).isEqualTo(-1L);
      } else {
        assertThat(other).isDirectory();
      }
    }
  }

  @Test
  void repoInitSnapshotRestoreVerify_onS3_roundTripsAndCreatesTheBucket() throws Exception {
    String repo = "s3:" + endpoint + "/fresh-bucket/nodes/node-1";
    Path source = sourceTree();

    CairnProcess.Result init = cairn("repo", "init", "--repo", repo, "--password-file", password.toString(),
        "--kdf-n", "1024");
    assertThat(init.exit()).as(init.output()).isZero();
    assertThat(s3.storeDirectory().resolve("fresh-bucket")).as("the bucket was created").isDirectory();

    CairnProcess.Result snapshot = cairn("snapshot", "--repo", repo, "--password-file", password.toString(),
        "--volume", "data", "--json", source.toString());
    assertThat(snapshot.exit()).as(snapshot.output()).isZero();
    String id = JsonCodec.mapper().readTree(jsonPart(snapshot.output())).get("id").asText();
    CairnProcess.Result second = cairn("snapshot", "--repo", repo, "--password-file", password.toString(),
        "--volume", "data", source.toString());
    assertThat(second.exit()).as(second.output()).isZero();

    CairnProcess.Result list = cairn("snapshots", "--repo", repo, "--password-file", password.toString(), "--json");
    assertThat(list.exit()).as(list.output()).isZero();
    JsonNode snapshots = JsonCodec.mapper().readTree(jsonPart(list.output()));
    assertThat(snapshots).hasSize(2);

    Path target = tmp.resolve("restored");
    CairnProcess.Result restore = cairn("restore", "--repo", repo, "--password-file", password.toString(),
        id.substring(0, 8), "--target", target.toString());
    assertThat(restore.exit()).as(restore.output()).isZero();
    assertSameFiles(source, target);

    CairnProcess.Result verify = cairn("verify", "--repo", repo, "--password-file", password.toString(),
        "--read-data");
    assertThat(verify.exit()).as(verify.output()).isZero();

    CairnProcess.Result forget = cairn("forget", "--repo", repo, "--password-file", password.toString(),
        "--keep-last", "1", "--prune");
    assertThat(forget.exit()).as(forget.output()).isZero();
    assertThat(forget.output()).contains("removed 1 snapshot(s), kept 1");
    CairnProcess.Result restoreTest = cairn("restore-test", "--repo", repo, "--password-file", password.toString());
    assertThat(restoreTest.exit()).as(restoreTest.output()).isZero();
    try (Stream<Path> staging = Files.list(tmp.resolve("staging-parent"))) {
      assertThat(staging).as("finished processes leave no staging directory behind").isEmpty();
    }
  }

  @Test
  void snapshot_repositoryNotInitialised_failsClearlyAndCreatesNothing() throws Exception {
    Path source = sourceTree();

    CairnProcess.Result result = cairn("snapshot", "--repo", "s3:" + endpoint + "/absent-bucket/x",
        "--password-file", password.toString(), source.toString());

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.output()).contains("cairn snapshot:").doesNotContain("Exception");
    assertThat(s3.storeDirectory().resolve("absent-bucket")).doesNotExist();
  }

  @Test
  void repoInit_withoutCredentials_namesTheVariables() throws Exception {
    CairnProcess.Result result = cairn(Map.of("AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", ""), "repo", "init",
        "--repo", "s3:" + endpoint + "/no-credentials/p", "--password-file", password.toString(), "--kdf-n", "1024");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.output()).contains("AWS_ACCESS_KEY_ID").contains("AWS_SECRET_ACCESS_KEY")
        .doesNotContain("Exception");
    assertThat(s3.storeDirectory().resolve("no-credentials")).doesNotExist();
  }
}
