package dev.cairn.agent.job;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Where the node's backups go and what they cover. Immutable.
 *
 * @param base the volume base directory (default {@code /opt/ai-q})
 * @param repository URL of the default repository
 * @param passwordFile its password file; created (0600, random) with the repository on first use
 * @param archive URL of the archive repository monthly snapshots are copied to
 * @param archivePasswordFile the archive's password file, created like {@code passwordFile}
 * @param scratch where restore tests restore to (removed after each test)
 * @param host the host name recorded in snapshots (the node name)
 * @param volumes the volumes to back up; empty = the default catalogue's data and config volumes that exist
 * @param zone the node's time zone (schedules and retention buckets)
 */
public record BackupSettings(Path base, String repository, Path passwordFile, String archive,
    Path archivePasswordFile, Path scratch, String host, List<String> volumes, ZoneId zone) {

  public BackupSettings {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(passwordFile, "passwordFile");
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(archivePasswordFile, "archivePasswordFile");
    Objects.requireNonNull(scratch, "scratch");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(zone, "zone");
    volumes = List.copyOf(volumes);
  }

  /** The embedded defaults: repository and archive under the base, passwords and scratch under the state dir. */
  public static BackupSettings defaults(Path base, Path stateDir, String host) {
    return new BackupSettings(base, base.resolve("backups/repo").toString(),
        stateDir.resolve("backup/repository.password"),
        base.resolve("archives/repo").toString(), stateDir.resolve("backup/archive.password"),
        stateDir.resolve("backup/scratch"), host, List.of(), ZoneId.systemDefault());
  }
}
