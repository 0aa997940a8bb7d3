package dev.cairn.agent.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackendLocationTest {

  @ParameterizedTest
  @CsvSource({
    "/srv/cairn/repo, /srv/cairn/repo",
    "local:/srv/cairn/repo, /srv/cairn/repo",
    "./repo, ./repo",
    "repo, repo",
    "' /srv/x ', /srv/x"
  })
  void parse_directory_isLocal(String text, String path) throws Exception {
    assertThat(BackendLocation.parse(text)).isEqualTo(new BackendLocation.Local(Path.of(path)));
  }

  @ParameterizedTest
  @CsvSource({
    "s3:http://127.0.0.1:9000/backups/node-1, http://127.0.0.1:9000, backups, node-1, true",
    "s3:http://127.0.0.1:9000/backups, http://127.0.0.1:9000, backups, '', true",
    "s3:http://127.0.0.1:9000/backups/, http://127.0.0.1:9000, backups, '', true",
    "s3:https://minio.lan:9000/b-1/a/b/c/, https://minio.lan:9000, b-1, a/b/c, true",
    "s3:s3.eu-central-1.amazonaws.com/bucket.x/p, https://s3.eu-central-1.amazonaws.com, "
        + "bucket.x, p, false"
  })
  void parse_s3_splitsEndpointBucketAndPrefix(String text, String endpoint, String bucket,
      String prefix, boolean pathStyle) throws Exception {
    BackendLocation location = BackendLocation.parse(text);

    assertThat(location).isEqualTo(
        new BackendLocation.S3(URI.create(endpoint), bucket, prefix, pathStyle));
  }

  @Test
  void display_s3_roundTripsThroughParse() throws Exception {
    BackendLocation location = BackendLocation.parse("s3:http://127.0.0.1:9000/bk1/x/y");

    assertThat(location.display()).isEqualTo("s3:http://127.0.0.1:9000/bk1/x/y");
    assertThat(BackendLocation.parse(location.display())).isEqualTo(location);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "''|repository location is empty",
    "local:|needs a directory",
    "sftp:host:/x|unknown repository scheme 'sftp'",
    "s3:http://127.0.0.1:9000|no bucket",
    "s3:http://127.0.0.1:9000/|no bucket",
    "s3:ftp://host/bucket|must be http or https",
    "s3:http://127.0.0.1:9000/Bad_Bucket|not a valid bucket name",
    "s3:http://key:secret@127.0.0.1:9000/bucket|credentials come from AWS_ACCESS_KEY_ID",
    "s3:http://127.0.0.1:9000/bucket/a//b|empty path segment"
  })
  void parse_badLocation_explains(String text, String message) {
    assertThatThrownBy(() -> BackendLocation.parse(text))
        .isInstanceOf(BackendConfigException.class)
        .hasMessageContaining(message);
  }
}
