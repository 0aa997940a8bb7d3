package dev.cairn.agent.image.history;

import dev.cairn.agent.image.oci.OciJson;
import dev.cairn.agent.state.AtomicFile;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Stores each repository's history as {@code history/<url-encoded repository>.json} under the cache,
 * replaced atomically; writers hold the cache lock.
 */
public final class HistoryStore {

  private final Path dir;

  public HistoryStore(Path cacheRoot) throws IOException {
    this.dir = Files.createDirectories(cacheRoot.resolve("history"));
  }

  public RepositoryHistory get(String repository) throws IOException {
    Path file = file(repository);
    if (!Files.exists(file)) {
      return RepositoryHistory.empty(repository);
    }
    return read(file);
  }

  public boolean exists(String repository) {
    return Files.exists(file(repository));
  }

  public void save(RepositoryHistory history) throws IOException {
    AtomicFile.write(file(history.repository()), OciJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(history));
  }

  public void delete(String repository) throws IOException {
    Files.deleteIfExists(file(repository));
    AtomicFile.syncDirectory(dir);
  }

  /** Every repository's history, sorted by repository name. */
  public List<RepositoryHistory> all() throws IOException {
    List<RepositoryHistory> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        all.add(read(file));
      }
    }
    all.sort(java.util.Comparator.comparing(RepositoryHistory::repository));
    return List.copyOf(all);
  }

  static String fileName(String repository) {
    return URLEncoder.encode(repository, StandardCharsets.UTF_8) + ".json";
  }

  private Path file(String repository) {
    return dir.resolve(fileName(repository));
  }

  private static RepositoryHistory read(Path file) throws IOException {
    try {
      return OciJson.MAPPER.readValue(Files.readAllBytes(file), RepositoryHistory.class);
    } catch (IOException e) {
      throw new IOException(
          "image history " + file + " is unreadable (" + e.getMessage() + "): restore it from a backup or delete it "
              + "to start the repository's history afresh", e);
    }
  }
}
