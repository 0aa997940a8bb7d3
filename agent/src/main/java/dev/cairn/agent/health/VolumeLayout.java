package dev.cairn.agent.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's directory layout under a base directory (default {@code /opt/ai-q}): the base
 * directories {@code data, cache, backups, archives, config, logs} and, per service of the default
 * catalogue, a data, config and backup volume ({@code data/postgresql}, {@code config/postgresql},
 * {@code backups/postgresql}, ...). The full catalogue, with owners and modes, comes from desired
 * state later (issue #4). Immutable.
 */
public record VolumeLayout(Path base) {

  /** Top-level directories of the layout. */
  public static final List<String> BASE_DIRECTORIES = List.of("data", "cache", "backups", "archives", "config", "logs");

  /** Services of the default catalogue. */
  public static final List<String> SERVICES = List.of("postgresql", "redis", "elasticsearch", "weaviate", "minio",
      "gitea", "nextcloud");

  private static final List<String> SERVICE_VOLUME_KINDS = List.of("data", "config", "backups");

  /** One directory of the layout: its path, catalogue name ("" for base directories) and service. */
  public record Volume(Path path, String name, String service) {}

  /** Every directory of the layout, existing or not, base directories first. */
  public List<Volume> all() {
    List<Volume> volumes = new ArrayList<>();
    for (String directory : BASE_DIRECTORIES) {
      volumes.add(new Volume(base.resolve(directory), "", ""));
    }
    for (String service : SERVICES) {
      for (String kind : SERVICE_VOLUME_KINDS) {
        volumes.add(new Volume(base.resolve(kind).resolve(service), service + "-" + kind, service));
      }
    }
    return List.copyOf(volumes);
  }

  /** The directories of the layout that exist now. */
  public List<Volume> existing() {
    return all().stream().filter(v -> Files.isDirectory(v.path())).toList();
  }

  /** Creates every directory of the layout that is missing (quickstart, tests). */
  public void create() throws IOException {
    for (Volume volume : all()) {
      Files.createDirectories(volume.path());
    }
  }
}
