package dev.cairn.agent.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/** What only S3 has: key layout, bucket handling, error classification, foreign keys. */
class S3BackendIT {
  @RegisterExtension
  static final S3TestServerExtension S3 = new S3TestServerExtension();


  @Test
  void save_withPrefix_storesAtPrefixTypeDirectoryName() throws IOException {
    String bucket = S3TestServer.newBucketName();
    try (S3Backend s3 = S3Backend.create(S3.server().settings(bucket, "site-a/node-1"))) {
      s3.createBucketIfMissing();
      s3.save(new Handle(FileType.PACK, "00ff"), new Content.OfBytes(new byte[3]));
      s3.save(new Handle(FileType.CONFIG, "config"), new Content.OfBytes(new byte[1]));
    }

    assertThat(keys(bucket)).containsExactlyInAnyOrder(
        "site-a/node-1/data/00ff", "site-a/node-1/config/config");
  }

  @Test
  void save_emptyPrefix_storesAtTheBucketTop() throws IOException {
    String bucket = S3TestServer.newBucketName();
    try (S3Backend s3 = S3Backend.create(S3.server().settings(bucket, ""))) {
      s3.createBucketIfMissing();
      s3.save(new Handle(FileType.SNAPSHOT, "s1"), new Content.OfBytes(new byte[3]));
      assertThat(s3.list(FileType.SNAPSHOT)).hasSize(1);
    }

    assertThat(keys(bucket)).containsExactly("snapshots/s1");
  }

  @Test
  void list_foreignKeys_areIgnored() throws IOException {
    String bucket = S3TestServer.newBucketName();
    try (S3Backend s3 = S3Backend.create(S3.server().settings(bucket, "repo"))) {
      s3.createBucketIfMissing();
      s3.save(new Handle(FileType.INDEX, "good"), new Content.OfBytes(new byte[2]));
      for (String foreign : List.of("repo/index/nested/deeper", "repo/index/.hidden",
          "repo/indexes/other")) {
        S3.raw().putObject(b -> b.bucket(bucket).key(foreign), RequestBody.empty());
      }

      assertThat(s3.list(FileType.INDEX))
          .containsExactly(new FileInfo(new Handle(FileType.INDEX, "good"), 2));
    }
  }

  @Test
  void createBucketIfMissing_calledTwice_keepsTheObjects() throws IOException {
    try (S3Backend s3 = S3Backend.create(
        S3.server().settings(S3TestServer.newBucketName(), "r"))) {
      s3.createBucketIfMissing();
      s3.save(new Handle(FileType.KEY, "k"), new Content.OfBytes(new byte[4]));
      s3.createBucketIfMissing();
      assertThat(s3.size(new Handle(FileType.KEY, "k"))).isEqualTo(4);
    }
  }

  @Test
  void save_missingBucket_isPermanentWithHint() throws IOException {
    try (S3Backend s3 = S3Backend.create(
        S3.server().settings(S3TestServer.newBucketName(), "r"))) {
      assertThatThrownBy(() -> s3.save(new Handle(FileType.KEY, "k"),
          new Content.OfBytes(new byte[4])))
          .isInstanceOfSatisfying(S3RequestException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("NoSuchBucket");
            assertThat(s3.isPermanent(e)).isTrue();
            assertThat(e.getMessage()).contains("create the bucket first");
          });
    }
  }

  @Test
  void list_wrongAccessKey_isPermanent() throws IOException {
    S3Settings wrong = S3.server().settings(S3TestServer.newBucketName(), "r")
        .withCredentials("nobody", "nothing");
    try (S3Backend s3 = S3Backend.create(wrong)) {
      assertThatThrownBy(() -> s3.list(FileType.PACK))
          .isInstanceOfSatisfying(S3RequestException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(s3.isPermanent(e)).isTrue();
          });
    }
  }

  @Test
  void exists_serverNotListening_isRetryable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    S3Settings closed = new S3Settings(URI.create("http://127.0.0.1:" + port), "us-east-1",
        "bucket", "r", true, "a", "b", null, S3Settings.DEFAULT_PART_SIZE, 1000);
    try (S3Backend s3 = S3Backend.create(closed)) {
      assertThatThrownBy(() -> s3.exists(new Handle(FileType.LOCK, "l")))
          .isInstanceOfSatisfying(IOException.class, e -> {
            assertThat(e).isNotInstanceOf(S3RequestException.class);
            assertThat(s3.isPermanent(e)).isFalse();
          });
    }
  }

  @Test
  void create_fromParsedLocationAndEnvironment_reachesTheServer() throws Exception {
    String bucket = S3TestServer.newBucketName();
    BackendLocation location = BackendLocation.parse(
        "s3:" + S3.server().endpoint() + "/" + bucket + "/fleet/node-7");
    S3Settings settings = S3Settings.fromEnvironment((BackendLocation.S3) location, Map.of(
        "AWS_ACCESS_KEY_ID", S3TestServer.ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY", S3TestServer.SECRET_KEY));

    try (S3Backend s3 = S3Backend.create(settings);
        Backend stack = RetryingBackend.standard(S3Backend.create(settings))) {
      s3.createBucketIfMissing();
      stack.save(new Handle(FileType.CONFIG, "config"), new Content.OfBytes(new byte[9]));
      assertThat(stack.location()).isEqualTo(location.display());
    }
    assertThat(keys(bucket)).containsExactly("fleet/node-7/config/config");
  }

  private static List<String> keys(String bucket) {
    return S3.raw().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
        .map(S3Object::key).toList();
  }
}
