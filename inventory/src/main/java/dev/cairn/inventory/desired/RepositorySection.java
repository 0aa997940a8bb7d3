package dev.cairn.inventory.desired;

import dev.cairn.inventory.desired.Repository.Type;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code cairn_repositories}: named snapshot repositories, added to the built-in
 * {@code local} ({@code backups/cairn} under the base directory) and {@code archive}
 * ({@code archives/cairn}), or replacing them whole.
 */
final class RepositorySection {

  private RepositorySection() {}

  static List<Repository> repositories(CairnVariables vars, Path base) {
    Map<String, Repository> repos = new LinkedHashMap<>();
    repos.put("local", local("local", base.resolve("backups/cairn").toString()));
    repos.put("archive", local("archive", base.resolve("archives/cairn").toString()));
    vars.spec("cairn_repositories").ifPresent(spec -> {
      for (Map.Entry<String, Object> e : spec.entries().entrySet()) {
        Spec.of(e.getValue(), "cairn_repositories." + e.getKey(), spec.origin(), spec.problems())
            .ifPresent(r -> repos.put(e.getKey(), repository(e.getKey(), r, base)));
      }
    });
    List<Repository> result = new ArrayList<>(repos.values());
    result.sort(Comparator.comparing(Repository::name));
    return result;
  }

  private static Repository local(String name, String path) {
    return new Repository(name, Type.LOCAL, path, null, null, null, null, null, null);
  }

  private static Repository repository(String name, Spec spec, Path base) {
    spec.only("type", "path", "endpoint", "bucket", "prefix", "region", "credentials_file",
        "password_file");
    Type type = spec.choice("type", Type.class, Type.LOCAL);
    String passwordFile = absolute(spec, "password_file");
    if (type == Type.LOCAL) {
      for (String s3Only : List.of("endpoint", "bucket", "prefix", "region", "credentials_file")) {
        if (spec.has(s3Only)) {
          spec.problem(s3Only, "only for type: s3");
        }
      }
      String path = spec.string("path", null);
      if (path == null) {
        spec.problem("path", "a local repository needs a path (absolute, or relative to the base"
            + " directory)");
        path = "";
      }
      return new Repository(name, type, base.resolve(path).normalize().toString(), null, null,
          null, null, null, passwordFile);
    }
    if (spec.has("path")) {
      spec.problem("path", "only for type: local; an S3 repository has endpoint, bucket, prefix");
    }
    String endpoint = spec.string("endpoint", null);
    if (endpoint == null || !isHttpUrl(endpoint)) {
      spec.problem("endpoint", "an S3 repository needs an endpoint URL such as"
          + " http://10.0.0.5:9000");
    }
    String bucket = spec.string("bucket", null);
    if (bucket == null) {
      spec.problem("bucket", "an S3 repository needs a bucket");
    }
    return new Repository(name, type, null, endpoint, bucket, spec.string("prefix", null),
        spec.string("region", null), absolute(spec, "credentials_file"), passwordFile);
  }

  private static String absolute(Spec spec, String key) {
    String value = spec.string(key, null);
    if (value != null && !value.startsWith("/")) {
      spec.problem(key, "must be an absolute path on the node");
    }
    return value;
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      return uri.getScheme() != null && uri.getScheme().matches("https?")
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
