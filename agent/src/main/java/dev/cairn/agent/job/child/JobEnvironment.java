package dev.cairn.agent.job.child;

import dev.cairn.agent.image.ImageSettings;
import dev.cairn.agent.job.BackupSettings;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The node settings a job process runs with, taken from the agent's configuration: where backups
 * go, the Docker engine and the image alias. Immutable.
 *
 * @param dockerHost the engine's address; null = {@code DOCKER_HOST}, else the default socket
 */
public record JobEnvironment(BackupSettings backup, String dockerHost, ImageSettings images) {

  public JobEnvironment {
    Objects.requireNonNull(backup, "backup");
    Objects.requireNonNull(images, "images");
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("base", backup.base().toString());
    map.put("repository", backup.repository());
    map.put("passwordFile", backup.passwordFile().toString());
    map.put("archive", backup.archive());
    map.put("archivePasswordFile", backup.archivePasswordFile().toString());
    map.put("scratch", backup.scratch().toString());
    map.put("host", backup.host());
    map.put("volumes", backup.volumes());
    map.put("zone", backup.zone().getId());
    map.put("dockerHost", dockerHost);
    map.put("imageAlias", images.alias());
    return map;
  }

  static JobEnvironment fromMap(Map<String, Object> map) throws JobRequestException {
    JsonFields f = new JsonFields("environment", map);
    BackupSettings backup = new BackupSettings(Path.of(f.string("base")), f.string("repository"),
        Path.of(f.string("passwordFile")), f.string("archive"), Path.of(f.string("archivePasswordFile")),
        Path.of(f.string("scratch")), f.string("host"), f.strings("volumes"), ZoneId.of(f.string("zone")));
    return new JobEnvironment(backup, f.optionalString("dockerHost"),
        new ImageSettings(f.string("imageAlias")));
  }
}
