package dev.cairn.agent.job.child;

import dev.cairn.agent.hook.PauseJournal;
import dev.cairn.agent.image.ImageSettings;
import dev.cairn.agent.job.BackupSettings;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The node settings a job process runs with, taken from the agent's configuration: where backups
 * go, the Docker engine, the image alias and the journal of paused containers. Immutable.
 *
 * @param dockerHost the engine's address; null = {@code DOCKER_HOST}, else the default socket
 * @param pauseJournal where snapshot hooks write down the containers they pause
 *     ({@code <stateDir>/hooks/paused}); null = not written down
 */
public record JobEnvironment(BackupSettings backup, String dockerHost, ImageSettings images, Path pauseJournal) {

  public JobEnvironment {
    Objects.requireNonNull(backup, "backup");
    Objects.requireNonNull(images, "images");
  }

  /** Without a pause journal. */
  public JobEnvironment(BackupSettings backup, String dockerHost, ImageSettings images) {
    this(backup, dockerHost, images, null);
  }

  /** The journal of paused containers the hooks keep. */
  public PauseJournal journal() {
    return pauseJournal == null ? PauseJournal.none() : PauseJournal.at(pauseJournal);
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
    map.put("pauseJournal", pauseJournal == null ? null : pauseJournal.toString());
    return map;
  }

  static JobEnvironment fromMap(Map<String, Object> map) throws JobRequestException {
    JsonFields f = new JsonFields("environment", map);
    BackupSettings backup = new BackupSettings(Path.of(f.string("base")), f.string("repository"),
        Path.of(f.string("passwordFile")), f.string("archive"), Path.of(f.string("archivePasswordFile")),
        Path.of(f.string("scratch")), f.string("host"), f.strings("volumes"), ZoneId.of(f.string("zone")));
    String journal = f.optionalString("pauseJournal");
    return new JobEnvironment(backup, f.optionalString("dockerHost"),
        new ImageSettings(f.string("imageAlias")), journal == null ? null : Path.of(journal));
  }
}
