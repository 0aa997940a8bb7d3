package dev.cairn.agent.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault injection for {@link RetryingBackend} over a real {@link S3Backend} (s3proxy): transient
 * failures are retried with growing waits, content is re-opened on each attempt, permanent errors
 * (missing object, wrong credentials) stop at once, and retries are bounded.
 */
class RetryingBackendIT {
  @RegisterExtension
  static final S3TestServerExtension S3 = new S3TestServerExtension();

  private static final RetryPolicy POLICY =
      new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(250), 2.0, 0.5);


  private S3Backend s3;
  private FlakyBackend flaky;
  private RecordingSleeper sleeper;
  private RetryingBackend retrying;

  @BeforeEach
  void stack() throws IOException {
    s3 = S3Backend.create(S3.server().settings(S3TestServer.newBucketName(), "repo"));
    s3.createBucketIfMissing();
    flaky = new FlakyBackend(new LoggingBackend(s3));
    sleeper = new RecordingSleeper();
    retrying = new RetryingBackend(flaky, POLICY, sleeper);
  }

  @AfterEach
  void close() throws IOException {
    retrying.close();
  }

  @Test
  void save_twoTransientFailures_succeedsOnTheThirdAttempt() throws IOException {
    flaky.failNext(2, () -> new IOException("connection reset by peer"));
    Handle handle = new Handle(FileType.INDEX, "idx");

    retrying.save(handle, new Content.OfBytes(new byte[] {1, 2, 3}));

    assertThat(flaky.calls()).isEqualTo(3);
    assertThat(s3.size(handle)).isEqualTo(3);
    assertThat(sleeper.waits).hasSize(2);
    assertThat(sleeper.waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(sleeper.waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void save_contentStreamFailsOnce_reopensContentAndStoresItWhole() throws IOException {
    FailingMidwayContent content = new FailingMidwayContent(200_000, 120_000, 1, 7);
    Handle handle = new Handle(FileType.PACK, "pack");

    retrying.save(handle, content);

    assertThat(content.opens()).isGreaterThan(1);
    assertThat(sleeper.waits).hasSize(1);
    try (InputStream in = s3.open(handle, 0, -1)) {
      assertThat(in.readAllBytes()).isEqualTo(content.expectedBytes());
    }
  }

  @Test
  void open_missingObject_isPermanentAndNotRetried() {
    assertThatThrownBy(() -> retrying.open(new Handle(FileType.PACK, "missing"), 0, -1))
        .isInstanceOf(NoSuchFileException.class);

    assertThat(flaky.calls()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void save_wrongCredentials_isPermanentAndNotRetried() throws IOException {
    S3Backend wrong = S3Backend.create(s3.settings().withCredentials(
        S3TestServer.ACCESS_KEY, "not-the-secret"));
    FlakyBackend counting = new FlakyBackend(wrong);
    try (RetryingBackend backend = new RetryingBackend(counting, POLICY, sleeper)) {
      assertThatThrownBy(() -> backend.save(new Handle(FileType.KEY, "k"),
          new Content.OfBytes(new byte[10])))
          .isInstanceOfSatisfying(S3RequestException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.permanent()).isTrue();
            assertThat(e.getMessage()).contains("AWS_SECRET_ACCESS_KEY");
          });
    }
    assertThat(counting.calls()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void list_failingEveryTime_givesUpAfterMaxAttemptsWithTheLastError() {
    int[] n = {0};
    flaky.failNext(100, () -> new IOException("timeout #" + (++n[0])));

    assertThatThrownBy(() -> retrying.list(FileType.SNAPSHOT))
        .isInstanceOf(IOException.class)
        .hasMessage("timeout #5");

    assertThat(flaky.calls()).isEqualTo(5);
    assertThat(sleeper.waits).hasSize(4);
    assertThat(sleeper.waits.get(3)).isBetween(Duration.ofMillis(125), Duration.ofMillis(250));
  }

  @Test
  void save_interruptedWhileWaiting_stopsWithInterruptedIoException() throws IOException {
    flaky.failNext(1, () -> new IOException("reset"));
    RetryingBackend interrupted = new RetryingBackend(flaky, POLICY, d -> {
      throw new InterruptedException("stop");
    });

    assertThatThrownBy(() -> interrupted.save(new Handle(FileType.LOCK, "l"),
        new Content.OfBytes(new byte[1])))
        .isInstanceOf(InterruptedIOException.class);
    assertThat(Thread.interrupted()).isTrue(); // the flag is restored (and cleared here)
    assertThat(s3.exists(new Handle(FileType.LOCK, "l"))).isFalse();
  }
}
