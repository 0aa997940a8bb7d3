package dev.cairn.agent.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3SettingsTest {
  private static final BackendLocation.S3 MINIO =
      new BackendLocation.S3(URI.create("http://127.0.0.1:9000"), "backups", "node-1", true);

  @Test
  void fromEnvironment_credentialsAndRegion_areRead() throws Exception {
    S3Settings s = S3Settings.fromEnvironment(MINIO, Map.of(
        "AWS_ACCESS_KEY_ID", "ak", "AWS_SECRET_ACCESS_KEY", "sk", "AWS_SESSION_TOKEN", "tok",
        "AWS_DEFAULT_REGION", "eu-west-1"));

    assertThat(s.accessKeyId()).isEqualTo("ak");
    assertThat(s.secretAccessKey()).isEqualTo("sk");
    assertThat(s.sessionToken()).isEqualTo("tok");
    assertThat(s.region()).isEqualTo("eu-west-1");
    assertThat(s.pathStyle()).isTrue();
    assertThat(s.partSize()).isEqualTo(S3Settings.DEFAULT_PART_SIZE);
    assertThat(s.display()).isEqualTo("s3:http://127.0.0.1:9000/backups/node-1");
  }

  @Test
  void fromEnvironment_noRegion_defaultsToUsEast1AndPathStyleCanBeTurnedOff() throws Exception {
    S3Settings s = S3Settings.fromEnvironment(MINIO, Map.of("AWS_ACCESS_KEY_ID", "ak",
        "AWS_SECRET_ACCESS_KEY", "sk", "CAIRN_S3_PATH_STYLE", "false"));

    assertThat(s.region()).isEqualTo("us-east-1");
    assertThat(s.pathStyle()).isFalse();
    assertThat(s.sessionToken()).isNull();
  }

  @Test
  void fromEnvironment_missingSecret_saysWhichVariables() {
    assertThatThrownBy(() -> S3Settings.fromEnvironment(MINIO, Map.of("AWS_ACCESS_KEY_ID", "ak")))
        .isInstanceOf(BackendConfigException.class)
        .hasMessageContaining("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
  }

  @Test
  void fromEnvironment_badPathStyle_isRejected() {
    assertThatThrownBy(() -> S3Settings.fromEnvironment(MINIO, Map.of("AWS_ACCESS_KEY_ID", "a",
        "AWS_SECRET_ACCESS_KEY", "b", "CAIRN_S3_PATH_STYLE", "maybe")))
        .isInstanceOf(BackendConfigException.class)
        .hasMessageContaining("CAIRN_S3_PATH_STYLE must be true or false");
  }

  @Test
  void toString_hidesTheSecret() throws Exception {
    S3Settings s = S3Settings.fromEnvironment(MINIO, Map.of("AWS_ACCESS_KEY_ID", "ak",
        "AWS_SECRET_ACCESS_KEY", "very-secret"));

    assertThat(s.toString()).contains("ak").doesNotContain("very-secret");
  }

  @Test
  void withPartSize_belowS3Minimum_isRejected() throws Exception {
    S3Settings s = S3Settings.fromEnvironment(MINIO, Map.of("AWS_ACCESS_KEY_ID", "a",
        "AWS_SECRET_ACCESS_KEY", "b"));

    assertThatThrownBy(() -> s.withPartSize(1024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minimum part size");
  }

  @Test
  void partSizeFor_hugeObject_growsToFitTenThousandParts() {
    assertThat(S3MultipartUpload.partSizeFor(100L << 20, 16L << 20)).isEqualTo(16L << 20);
    long huge = 500L << 30;
    long part = S3MultipartUpload.partSizeFor(huge, 16L << 20);
    assertThat((huge + part - 1) / part).isLessThanOrEqualTo(S3MultipartUpload.MAX_PARTS);
  }
}
