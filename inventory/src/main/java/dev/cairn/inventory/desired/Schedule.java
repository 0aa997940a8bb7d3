package dev.cairn.inventory.desired;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A job the agent runs by itself, online or not. Immutable.
 *
 * @param name unique name ({@code daily}, {@code restore-test}, ...)
 * @param cron five-field cron expression or {@code @daily}-style macro, in the node's time zone
 * @param action what to run
 * @param volumes volume names it applies to; empty means every volume with a backup policy
 * @param repository repository name (snapshot, forget, prune, verify, restore-test)
 * @param tags tags given to the snapshots it takes
 * @param copyTo repository that snapshots are copied to afterwards (archive tier), or null
 * @param readDataPercent for verify: share of the data read back (0 = structure only)
 * @param keepDays for rotate-logs: how many days of Cairn's logs to keep
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Schedule(
    String name,
    String cron,
    Action action,
    List<String> volumes,
    String repository,
    List<String> tags,
    String copyTo,
    Integer readDataPercent,
    Integer keepDays) {

  public Schedule {
    volumes = List.copyOf(volumes);
    tags = List.copyOf(tags);
  }

  /** The jobs a schedule can run. */
  public enum Action {
    SNAPSHOT,
    FORGET,
    PRUNE,
    VERIFY,
    RESTORE_TEST,
    ROTATE_LOGS
  }
}
