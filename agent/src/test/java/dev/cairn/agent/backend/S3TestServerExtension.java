package dev.cairn.agent.backend;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Starts one {@link S3TestServer} (and a raw SDK client for checks) before a test class and stops
 * both after it: {@code @RegisterExtension static final S3TestServerExtension S3 = new ...}.
 */
final class S3TestServerExtension implements BeforeAllCallback, AfterAllCallback {
  private S3TestServer server;
  private S3Client raw;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server = S3TestServer.start();
    raw = server.rawClient();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    raw.close();
    server.close();
  }

  S3TestServer server() {
    return server;
  }

  /** An SDK client on the server, for looking behind a backend's back. */
  S3Client raw() {
    return raw;
  }
}
