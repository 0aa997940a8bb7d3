package dev.cairn.agent.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Resolves catalogue volume names to directories under the base, with the seed's naming: {@code
 * <service>-<kind>} is {@code <base>/<kind>/<service>} for the kinds {@code data}, {@code config}
 * and {@code backups}; any other name is a relative path under the base ({@code data}, {@code
 * config/nginx}). Names that would leave the base are refused. Immutable.
 */
public final class VolumeDirectory {

  /** Services of the seed's default catalogue. */
  public static final List<String> SERVICES = List.of("postgresql", "redis", "elasticsearch", "weaviate", "minio",
      "gitea", "nextcloud");

  private static final Pattern SERVICE_VOLUME = Pattern.compile("([a-z0-9][a-z0-9_.]*)-(data|config|backups)");
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*");

  private final Path base;
  private final List<String> configured;

  /** {@code configured}: the volumes to back up; empty = the defaults that exist. */
  public VolumeDirectory(Path base, List<String> configured) {
    this.base = base.toAbsolutePath().normalize();
    this.configured = List.copyOf(configured);
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
    var service = SERVICE_VOLUME.matcher(volume);
    Path path = service.matches() ? base.resolve(service.group(2)).resolve(service.group(1)) : base.resolve(volume);
    return path.normalize();
  }

  /** The volumes to back up: as configured, else each default data and config volume that exists now. */
  public List<String> backedUp() {
    if (!configured.isEmpty()) {
      return configured;
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
