package dev.cairn.agent.image.registry;

import dev.cairn.agent.image.oci.Digest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A minimal client of the Registry HTTP API v2 (no authentication: a site-local registry on a
 * trusted network). Thread-safe.
 */
public final class RegistryClient {

  private final URI base;
  private final HttpClient http;

  public RegistryClient(URI base) {
    this.base = base;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
  }

  /**
   * The base URI for {@code 127.0.0.1:5000} or {@code http://host:port}; plain HTTP unless a scheme
   * says otherwise.
   */
  public static URI baseUri(String registry) {
    String text = registry.contains("://") ? registry : "http://" + registry;
    return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
  }

  public URI base() {
    return base;
  }

  /** Checks {@code GET /v2/}; fails with a clear message when nothing answers. */
  public void ping() throws RegistryException {
    HttpResponse<Void> response = send(HttpRequest.newBuilder(base.resolve("/v2/")).GET(), "checking the API version");
    if (response.statusCode() != 200 && response.statusCode() != 401) {
      throw new RegistryException(base + " does not speak the Registry API v2 (GET /v2/ answered " + response.statusCode() + ")");
    }
  }

  public boolean hasBlob(String repository, Digest digest) throws RegistryException {
    HttpResponse<Void> response =
        send(HttpRequest.newBuilder(uri("/v2/" + repository + "/blobs/" + digest)).method("HEAD", HttpRequest.BodyPublishers.noBody()),
            "checking blob " + digest.shortHex());
    return response.statusCode() == 200;
  }

  /** Uploads a blob from a file in one request and lets the registry verify its digest. */
  public void uploadBlob(String repository, Digest digest, Path file) throws RegistryException {
    HttpResponse<Void> started =
        send(HttpRequest.newBuilder(uri("/v2/" + repository + "/blobs/uploads/")).POST(HttpRequest.BodyPublishers.noBody()),
            "starting the upload of " + digest.shortHex());
    expect(started, 202, "starting the upload of " + digest.shortHex());
    String location = started.headers().firstValue("Location").orElseThrow(
        () -> new RegistryException(base + " started an upload without a Location header"));
    URI target = base.resolve(location);
    String separator = target.getRawQuery() == null ? "?" : "&";
    URI put = URI.create(target + separator + "digest=" + digest);
    HttpRequest.BodyPublisher body;
    try {
      body = HttpRequest.BodyPublishers.ofFile(file);
    } catch (java.io.FileNotFoundException e) {
      throw new RegistryException("blob " + digest + " vanished from the cache while pushing: " + e.getMessage(), e);
    }
    HttpResponse<Void> done =
        send(HttpRequest.newBuilder(put).header("Content-Type", "application/octet-stream").PUT(body), "uploading " + digest.shortHex());
    expect(done, 201, "uploading blob " + digest.shortHex());
  }

  public void putManifest(String repository, String tag, String mediaType, byte[] manifest) throws RegistryException {
    HttpResponse<Void> response =
        send(HttpRequest.newBuilder(uri("/v2/" + repository + "/manifests/" + tag))
                .header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)),
            "putting the manifest of " + repository + ":" + tag);
    expect(response, 201, "putting the manifest of " + repository + ":" + tag);
  }

  private URI uri(String path) {
    return base.resolve(path);
  }

  private HttpResponse<Void> send(HttpRequest.Builder request, String what) throws RegistryException {
    try {
      return http.send(request.timeout(Duration.ofMinutes(30)).build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new RegistryException(
          "cannot reach the registry at " + base + " while " + what + " (" + e.getMessage() + "): is it running?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("interrupted while " + what, e);
    }
  }

  private void expect(HttpResponse<Void> response, int status, String what) throws RegistryException {
    if (response.statusCode() != status) {
      throw new RegistryException(
          "the registry at " + base + " refused " + what + ": HTTP " + response.statusCode() + " (expected " + status + ")");
    }
  }
}
