package dev.cairn.agent.job;

import dev.cairn.agent.layout.CatalogueSource;
import dev.cairn.inventory.desired.Volume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves volume names to directories: a volume of the current catalogue (the desired state's
 * {@code cairn_volumes}) is where the catalogue puts it; otherwise the seed's naming applies:
 * {@code <service>-<kind>} is {@code <base>/<kind>/<service>} for the kinds {@code data}, {@code
 * config} and {@code backups}, and any other name is a relative path under the base ({@code data},
 * {@code config/nginx}). Names that would leave the base are refused. Thread-safe.
 */
public final class VolumeDirectory {

  /** Services of the seed's default catalogue. */
  public static final List<String> SERVICES = List.of("postgresql", "redis", "elasticsearch", "weaviate", "minio",
      "gitea", "nextcloud");

  private static final Pattern SERVICE_VOLUME = Pattern.compile("([a-z0-9][a-z0-9_.]*)-(data|config|backups)");
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

  private final Path base;
  private final List<String> configured;
  private final CatalogueSource catalogue;

  /** {@code configured}: the volumes to back up; empty = the defaults that exist. */
  public VolumeDirectory(Path base, List<String> configured) {
    this(base, configured, null);
  }

  /**
   * @param configured the volumes to back up; empty = those of a declared catalogue with a backup
   *     policy, else the defaults that exist
   * @param catalogue the node's current volume catalogue, or null
   */
  public VolumeDirectory(Path base, List<String> configured, CatalogueSource catalogue) {
    this.base = base.toAbsolutePath().normalize();
    this.configured = List.copyOf(configured);
    this.catalogue = catalogue;
  }

  /**
   * The directory of a volume.
   *
   * @throws JobException if the name is empty or would leave the base directory
   */
  public Path resolve(String volume) throws JobException {
    if (volume == null || !SAFE.matcher(volume).matches() || volume.contains("..")) {
      throw new JobException("volume '" + volume + "' is not a catalogue name (e.g. postgresql-data) or a relative"
          + " path under " + base);
    }
    if (catalogue != null) {
      Optional<Volume> declared = catalogue.current().volume(volume);
      if (declared.isPresent()) {
        return Path.of(declared.get().path()).normalize();
      }
    }
    var service = SERVICE_VOLUME.matcher(volume);
    Path path = service.matches() ? base.resolve(service.group(2)).resolve(service.group(1)) : base.resolve(volume);
    return path.normalize();
  }

  /**
   * The volumes to back up: as configured; else those of a declared catalogue that have a backup
   * policy and exist; else each default data and config volume that exists now.
   */
  public List<String> backedUp() {
    if (!configured.isEmpty()) {
      return configured;
    }
    if (catalogue != null && catalogue.current().declared()) {
      return catalogue.current().volumes().stream()
          .filter(v -> v.backupPolicy() != null && Files.isDirectory(Path.of(v.path())))
          .map(Volume::name)
          .toList();
    }
    List<String> volumes = new ArrayList<>();
    for (String service : SERVICES) {
      for (String kind : List.of("data", "config")) {
        if (Files.isDirectory(base.resolve(kind).resolve(service))) {
          volumes.add(service + "-" + kind);
        }
      }
    }
    return List.copyOf(volumes);
  }
}
