package dev.cairn.agent.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Runs {@link BackendConformanceTest} against {@link S3Backend} on a real S3 server (s3proxy on
 * 127.0.0.1, filesystem store), a fresh bucket per test, S3's minimum part size (so the large
 * object goes up in three parts) and a list page of 7 keys (so listing pages many times).
 */
class S3BackendConformanceIT extends BackendConformanceTest {
  @RegisterExtension
  static final S3TestServerExtension S3 = new S3TestServerExtension();

  private S3Settings settings;

  @Override
  protected Backend newBackend() throws Exception {
    settings = S3.server().settings(S3TestServer.newBucketName(), "nodes/node-1")
        .withPartSize(S3Settings.MIN_PART_SIZE)
        .withListPageSize(7);
    S3Backend s3 = S3Backend.create(settings);
    s3.createBucketIfMissing();
    return s3;
  }

  /** No unfinished multipart upload and no object outside what the backend lists. */
  @Override
  protected void assertNoLeftovers(Backend backend) throws Exception {
    assertThat(S3.raw().listMultipartUploads(b -> b.bucket(settings.bucket())).uploads())
        .as("incomplete multipart uploads").isEmpty();
    List<String> listedKeys = new ArrayList<>();
    for (FileType type : FileType.values()) {
      for (FileInfo info : backend.list(type)) {
        listedKeys.add(((S3Backend) backend).key(info.handle()));
      }
    }
    List<String> rawKeys = S3.raw().listObjectsV2Paginator(b -> b.bucket(settings.bucket()))
        .contents().stream().map(S3Object::key).toList();
    assertThat(rawKeys).containsExactlyInAnyOrderElementsOf(listedKeys);
  }

  @AfterEach
  void everyKeyIsUnderThePrefix() {
    if (settings == null) {
      return;
    }
    List<String> rawKeys = S3.raw().listObjectsV2Paginator(b -> b.bucket(settings.bucket()))
        .contents().stream().map(S3Object::key).toList();
    assertThat(rawKeys).allSatisfy(k -> assertThat(k).startsWith("nodes/node-1/"));
  }
}
