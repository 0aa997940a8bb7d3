package dev.cairn.agent.backend;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link Backend} on S3-compatible object storage (AWS S3, MinIO, s3proxy, Ceph) through the AWS
 * SDK v2. Objects live at {@code <prefix>/<type directory>/<name>}. Thread-safe.
 *
 * <ul>
 *   <li>Saves are atomic by S3's nature: a PUT or a completed multipart upload appears whole, a
 *       failed one never appears; failed multipart uploads are aborted.
 *   <li>Objects larger than {@link S3Settings#partSize()} go up as multipart uploads, streamed part
 *       by part from the {@link Content}.
 *   <li>{@link #open} uses a ranged GET.
 *   <li>The SDK's own retries are off: wrap this in {@link RetryingBackend}, which consults {@link
 *       #isPermanent}.
 * </ul>
 *
 * <p>HTTP goes through the SDK's {@code apache5-client} on Apache HttpClient 5, which docker-java
 * already puts on the agent's classpath (so it costs one small adapter jar). It closes a
 * connection whenever a request fails mid-body, so a content stream that throws leaves neither a
 * half-sent upload on the server nor a broken pooled connection. The lighter {@code
 * url-connection-client} does neither: it abandons the HttpURLConnection (s3proxy then kept the
 * half-written upload visible) and streamed uploads on reused keep-alive sockets failed with
 * "Error writing request body". Netty would add ~4 MB of unshaded Netty next to gRPC's shaded
 * copy; the SDK's Apache 4 client is deprecated.
 *
 * <p>Checksums are computed only where S3 requires them: many S3-compatible servers reject the
 * SDK's newer default trailing checksums, and the repository authenticates every blob anyway.
 */
public final class S3Backend implements Backend {
  private static final Logger LOG = LoggerFactory.getLogger(S3Backend.class);
  /** Parallel requests per backend (pack uploads, restore reads); more wait for a connection. */
  private static final int MAX_CONNECTIONS = 16;

  private final S3Client client;
  private final S3Settings settings;
  private final String location;
  private final S3ErrorTranslator errors;

  S3Backend(S3Client client, S3Settings settings) {
    this.client = client;
    this.settings = settings;
    this.location = settings.display();
    this.errors = new S3ErrorTranslator(location);
  }

  /** A backend for the settings; it owns its S3 client and closes it in {@link #close()}. */
  public static S3Backend create(S3Settings settings) {
    AwsCredentials credentials = settings.sessionToken() == null
        ? AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey())
        : AwsSessionCredentials.create(settings.accessKeyId(), settings.secretAccessKey(),
            settings.sessionToken());
    S3Client client = S3Client.builder()
        .endpointOverride(settings.endpoint())
        .region(Region.of(settings.region()))
        .forcePathStyle(settings.pathStyle())
        // Plain bodies, no "Expect: 100-continue" and no aws-chunked encoding: s3proxy (Jetty)
        // answers an expect-continue with an empty body by closing the connection, and leaves the
        // trailing chunk of an empty aws-chunked body unread and drops the connection; either
        // way the next request on that pooled connection fails with a broken pipe. Over plain
        // HTTP the SDK then signs the SHA-256 of each body, reading the content twice.
        .serviceConfiguration(S3Configuration.builder()
            .expectContinueEnabled(false)
            .chunkedEncodingEnabled(false)
            .build())
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClient(Apache5HttpClient.builder()
            .maxConnections(MAX_CONNECTIONS)
            .connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(Duration.ofSeconds(60))
            .build())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
    return new S3Backend(client, settings);
  }

  /** The settings this backend was created with. */
  public S3Settings settings() {
    return settings;
  }

  /**
   * Creates the bucket if it does not exist yet (for {@code repo init}); an existing bucket is left
   * as it is.
   */
  public void createBucketIfMissing() throws IOException {
    try {
      client.headBucket(b -> b.bucket(settings.bucket()));
      return;
    } catch (S3Exception e) {
      if (e.statusCode() != 404) {
        throw bucketError("check bucket", e);
      }
    } catch (SdkException e) {
      throw bucketError("check bucket", e);
    }
    try {
      client.createBucket(b -> b.bucket(settings.bucket()));
      LOG.info("created bucket {} at {}", settings.bucket(), settings.endpoint());
    } catch (S3Exception e) {
      if (!"BucketAlreadyOwnedByYou".equals(errorCode(e))) {
        throw bucketError("create bucket", e);
      }
    } catch (SdkException e) {
      throw bucketError("create bucket", e);
    }
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public void save(Handle handle, Content content) throws IOException {
    long length = content.length();
    String key = key(handle);
    try {
      if (length > settings.partSize()) {
        new S3MultipartUpload(client, settings.bucket(), key)
            .upload(content, length, settings.partSize());
      } else {
        try (ContentSliceProvider body = new ContentSliceProvider(content, 0, length, true)) {
          client.putObject(b -> b.bucket(settings.bucket()).key(key).contentLength(length),
              RequestBody.fromContentProvider(body, length, "application/octet-stream"));
        }
      }
    } catch (SdkException e) {
      throw errors.translate("save", handle, e);
    } catch (UncheckedIOException e) {
      throw e.getCause(); // reading the content failed (the SDK hashes it before sending)
    }
  }

  @Override
  public InputStream open(Handle handle, long offset, long length) throws IOException {
    if (offset < 0) {
      throw new IllegalArgumentException("negative offset " + offset);
    }
    if (length == 0) {
      size(handle); // throws NoSuchFileException if missing
      return new ByteArrayInputStream(new byte[0]);
    }
    String range = length < 0 ? "bytes=" + offset + "-"
        : "bytes=" + offset + "-" + (offset + length - 1);
    try {
      ResponseInputStream<GetObjectResponse> response =
          client.getObject(b -> b.bucket(settings.bucket()).key(key(handle)).range(range));
      return new S3ObjectStream(response, handle + " in " + location);
    } catch (S3Exception e) {
      if (e.statusCode() == 416) {
        // the range starts at or past the end: the object exists, there are no bytes to read
        return new ByteArrayInputStream(new byte[0]);
      }
      throw errors.translate("open", handle, e);
    } catch (SdkException e) {
      throw errors.translate("open", handle, e);
    }
  }

  @Override
  public long size(Handle handle) throws IOException {
    try {
      return client.headObject(b -> b.bucket(settings.bucket()).key(key(handle))).contentLength();
    } catch (SdkException e) {
      throw errors.translate("size", handle, e);
    }
  }

  @Override
  public boolean exists(Handle handle) throws IOException {
    try {
      client.headObject(b -> b.bucket(settings.bucket()).key(key(handle)));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (SdkException e) {
      throw errors.translate("exists", handle, e);
    }
  }

  @Override
  public void remove(Handle handle) throws IOException {
    try {
      client.deleteObject(b -> b.bucket(settings.bucket()).key(key(handle)));
    } catch (NoSuchKeyException e) {
      // already gone: removing a missing object is not an error
    } catch (SdkException e) {
      throw errors.translate("remove", handle, e);
    }
  }

  @Override
  public List<FileInfo> list(FileType type) throws IOException {
    String dirPrefix = typePrefix(type);
    List<FileInfo> found = new ArrayList<>();
    try {
      for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(settings.bucket())
          .prefix(dirPrefix).maxKeys(settings.listPageSize())).contents()) {
        String name = object.key().substring(dirPrefix.length());
        if (name.indexOf('/') >= 0) {
          continue; // deeper keys belong to nothing Cairn writes
        }
        try {
          found.add(new FileInfo(new Handle(type, name), object.size()));
        } catch (IllegalArgumentException e) {
          LOG.warn("ignoring object with an invalid name in {}: {}", location, object.key());
        }
      }
    } catch (SdkException e) {
      throw errors.translate("list", new Handle(type, "_"), e);
    }
    return List.copyOf(found);
  }

  @Override
  public boolean isPermanent(IOException error) {
    if (error instanceof NoSuchFileException) {
      return true;
    }
    return error instanceof S3RequestException s3 && s3.permanent();
  }

  @Override
  public void close() {
    client.close();
  }

  /** The object key of a handle: {@code <prefix>/<type directory>/<name>}. */
  String key(Handle handle) {
    return typePrefix(handle.type()) + handle.name();
  }

  private String typePrefix(FileType type) {
    String prefix = settings.prefix();
    return (prefix.isEmpty() ? "" : prefix + "/") + type.directory() + "/";
  }

  private IOException bucketError(String operation, SdkException e) {
    String code = e instanceof S3Exception s3 ? errorCode(s3) : null;
    int status = e instanceof S3Exception s3 ? s3.statusCode() : 0;
    String message = operation + " " + settings.bucket() + " at " + settings.endpoint()
        + " failed: " + e.getMessage();
    return status == 0 ? new IOException(message, e)
        : new S3RequestException(message, status, code, e);
  }

  private static String errorCode(S3Exception e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }
}
