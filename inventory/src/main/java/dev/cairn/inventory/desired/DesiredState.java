package dev.cairn.inventory.desired;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one node should look like, resolved from its inventory variables: the contract between
 * controller and agent (sent as the {@code spec} of {@code DesiredState} in {@code agent.proto},
 * serialised by {@link DesiredStateCodec}). Named lists are sorted by name; immutable.
 *
 * @param schemaVersion version of this document's format ({@value #SCHEMA_VERSION})
 * @param node the inventory host name
 * @param baseDir absolute base directory of the layout (seed: {@code /opt/ai-q})
 * @param timezone IANA zone for schedules, or {@code local} for the node's own
 * @param labels free-form labels shown in the fleet view (site, role, environment, ...)
 * @param drift what the agent does about layout drift (wrong mode/owner, missing directory)
 * @param volumes the volume catalogue: every directory the agent lays out, watches, backs up
 * @param backupPolicies retention policies volumes refer to by name
 * @param schedules what the agent runs on its own, by cron expression
 * @param hooks per-service pre/post snapshot hooks
 * @param images the image versions that should be current
 * @param imageCache how the image cache is kept
 * @param repositories snapshot repositories volumes and schedules refer to by name
 * @param alertThresholds when health becomes {@code warning} or {@code critical}
 * @param healthIntervalSeconds how often the agent reports health
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DesiredState(
    int schemaVersion,
    String node,
    String baseDir,
    String timezone,
    Map<String, String> labels,
    DriftPolicy drift,
    List<Volume> volumes,
    List<BackupPolicy> backupPolicies,
    List<Schedule> schedules,
    List<ServiceHooks> hooks,
    List<Image> images,
    ImageCache imageCache,
    List<Repository> repositories,
    AlertThresholds alertThresholds,
    long healthIntervalSeconds) {

  /** The format version this code writes and reads. */
  public static final int SCHEMA_VERSION = 1;

  public DesiredState {
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    volumes = List.copyOf(volumes);
    backupPolicies = List.copyOf(backupPolicies);
    schedules = List.copyOf(schedules);
    hooks = List.copyOf(hooks);
    images = List.copyOf(images);
    repositories = List.copyOf(repositories);
  }

  /** What the agent does when the layout on disk differs from the catalogue. */
  public enum DriftPolicy {
    /** Fix mode, owner and missing directories, and report what was fixed. */
    REPAIR,
    /** Only report the differences. */
    REPORT
  }
}
