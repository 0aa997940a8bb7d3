package dev.cairn.agent.backend;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Uploads one large object as a multipart upload: the object becomes visible only when the upload
 * is completed; any failure aborts the upload so no part is left behind. Parts are streamed from
 * the {@link Content} (re-opened and skipped to each part's offset), never buffered whole.
 */
final class S3MultipartUpload {
  private static final Logger LOG = LoggerFactory.getLogger(S3MultipartUpload.class);
  /** S3 allows at most this many parts per upload. */
  static final int MAX_PARTS = 10_000;

  private final S3Client client;
  private final String bucket;
  private final String key;

  S3MultipartUpload(S3Client client, String bucket, String key) {
    this.client = client;
    this.bucket = bucket;
    this.key = key;
  }

  /** The part size actually used: the configured one, raised so the object fits in 10 000 parts. */
  static long partSizeFor(long length, long configuredPartSize) {
    long needed = (length + MAX_PARTS - 1) / MAX_PARTS;
    return Math.max(configuredPartSize, needed);
  }

  /** Uploads {@code length} bytes of {@code content}; throws SdkException or IOException. */
  void upload(Content content, long length, long configuredPartSize) throws IOException {
    long partSize = partSizeFor(length, configuredPartSize);
    String uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      int partNumber = 1;
      for (long offset = 0; offset < length; offset += partSize, partNumber++) {
        long partLength = Math.min(partSize, length - offset);
        boolean last = offset + partLength == length;
        parts.add(uploadPart(uploadId, partNumber, content, offset, partLength, last));
      }
      client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
          .multipartUpload(m -> m.parts(parts)));
    } catch (IOException | RuntimeException e) {
      abort(uploadId, e);
      throw e;
    }
  }

  private CompletedPart uploadPart(String uploadId, int partNumber, Content content, long offset,
      long partLength, boolean last) throws IOException {
    try (ContentSliceProvider body = new ContentSliceProvider(content, offset, partLength, last)) {
      UploadPartResponse response = client.uploadPart(
          b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
              .contentLength(partLength),
          RequestBody.fromContentProvider(body, partLength, "application/octet-stream"));
      return CompletedPart.builder().partNumber(partNumber).eTag(response.eTag()).build();
    }
  }

  private void abort(String uploadId, Exception cause) {
    try {
      client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
      LOG.debug("aborted multipart upload {} of {} after: {}", uploadId, key, cause.toString());
    } catch (SdkException abortError) {
      // the parts stay invisible (no object is created) but use space until a bucket lifecycle
      // rule (AbortIncompleteMultipartUpload) removes them
      LOG.warn("could not abort multipart upload {} of {}: {}", uploadId, key,
          abortError.toString());
      cause.addSuppressed(abortError);
    }
  }
}
