package dev.cairn.agent.job.child;

import dev.cairn.agent.image.ImageSettings;
import dev.cairn.agent.job.BackupSettings;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
    Fields f = new Fields("environment", map);
    BackupSettings backup = new BackupSettings(Path.of(f.string("base")), f.string("repository"),
        Path.of(f.string("passwordFile")), f.string("archive"), Path.of(f.string("archivePasswordFile")),
        Path.of(f.string("scratch")), f.string("host"), f.strings("volumes"), ZoneId.of(f.string("zone")));
    return new JobEnvironment(backup, f.optionalString("dockerHost"),
        new ImageSettings(f.string("imageAlias")));
  }

  /** Typed access to a request's fields; a missing or mistyped field is a {@link JobRequestException}. */
  record Fields(String section, Map<String, Object> map) {

    String string(String name) throws JobRequestException {
      String value = optionalString(name);
      if (value == null) {
        throw new JobRequestException(section + "." + name + " is missing");
      }
      return value;
    }

    String optionalString(String name) throws JobRequestException {
      Object value = map.get(name);
      if (value == null || value instanceof String) {
        return (String) value;
      }
      throw new JobRequestException(section + "." + name + " must be a string, not " + value);
    }

    List<String> strings(String name) throws JobRequestException {
      Object value = map.get(name);
      if (value == null) {
        return List.of();
      }
      if (value instanceof List<?> list) {
        List<String> strings = new ArrayList<>();
        for (Object element : list) {
          if (!(element instanceof String s)) {
            throw new JobRequestException(section + "." + name + " must hold strings, not " + element);
          }
          strings.add(s);
        }
        return strings;
      }
      throw new JobRequestException(section + "." + name + " must be a list, not " + value);
    }

    double number(String name) throws JobRequestException {
      if (map.get(name) instanceof Number n) {
        return n.doubleValue();
      }
      throw new JobRequestException(section + "." + name + " must be a number, not " + map.get(name));
    }

    boolean bool(String name) throws JobRequestException {
      if (map.get(name) instanceof Boolean b) {
        return b;
      }
      throw new JobRequestException(section + "." + name + " must be true or false, not " + map.get(name));
    }

    Map<String, Object> object(String name) throws JobRequestException {
      if (map.get(name) instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) m;
        return object;
      }
      throw new JobRequestException(section + "." + name + " must be an object, not " + map.get(name));
    }
  }
}
