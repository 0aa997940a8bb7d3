package dev.cairn.agent.backend;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API server for tests: s3proxy on a free port of 127.0.0.1, storing objects in a
 * temporary directory, with signature-checked credentials. Start it once per test class; stop it in
 * {@link #close()}.
 */
public final class S3TestServer implements AutoCloseable {
  public static final String ACCESS_KEY = "cairn-test-access";
  public static final String SECRET_KEY = "cairn-test-secret-0123456789";

  private final S3Proxy proxy;
  private final URI endpoint;
  private final Path storeDir;

  private S3TestServer(S3Proxy proxy, URI endpoint, Path storeDir) {
    this.proxy = proxy;
    this.endpoint = endpoint;
    this.storeDir = storeDir;
  }

  /** Starts s3proxy with a filesystem blob store in a fresh temporary directory. */
  public static S3TestServer start() throws Exception {
    Path storeDir = Files.createTempDirectory("cairn-s3proxy-");
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(new FilesystemNio2BlobStore(storeDir.toString()))
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    proxy.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        proxy.stop();
        throw new IllegalStateException("s3proxy did not start within 10 s: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    return new S3TestServer(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()), storeDir);
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Where the server keeps its objects: one directory per bucket. */
  public Path storeDirectory() {
    return storeDir;
  }

  /** Settings for {@code bucket}/{@code prefix} with the server's credentials. */
  S3Settings settings(String bucket, String prefix) {
    return new S3Settings(endpoint, "us-east-1", bucket, prefix, true, ACCESS_KEY, SECRET_KEY,
        null, S3Settings.DEFAULT_PART_SIZE, S3Settings.DEFAULT_LIST_PAGE_SIZE);
  }

  /** A raw SDK client for checks behind a backend's back (the caller closes it). */
  S3Client rawClient() {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .httpClient(Apache5HttpClient.create())
        .build();
  }

  /** A fresh bucket name, unique per call. */
  public static String newBucketName() {
    return "cairn-" + UUID.randomUUID().toString().substring(0, 13);
  }

  /** Stops the server and deletes its store. */
  @Override
  public void close() throws Exception {
    proxy.stop();
    try (Stream<Path> paths = Files.walk(storeDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
