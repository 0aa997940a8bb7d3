package dev.cairn.inventory.desired;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A snapshot repository (issue #3). Secrets never appear here, only paths of files on the node
 * that hold them. Immutable.
 *
 * @param name unique name ({@code local}, {@code archive}, ...)
 * @param type backend
 * @param path absolute directory (local)
 * @param endpoint S3 endpoint URL (s3)
 * @param bucket S3 bucket (s3)
 * @param prefix key prefix inside the bucket (s3), or null
 * @param region S3 region (s3), or null
 * @param credentialsFile file on the node with the S3 access key and secret (s3), or null
 * @param passwordFile file on the node with the repository password, or null for the agent's
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Repository(
    String name,
    Type type,
    String path,
    String endpoint,
    String bucket,
    String prefix,
    String region,
    String credentialsFile,
    String passwordFile) {

  /** Repository backends. */
  public enum Type {
    LOCAL,
    S3
  }
}
