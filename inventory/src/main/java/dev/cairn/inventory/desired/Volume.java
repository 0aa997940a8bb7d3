package dev.cairn.inventory.desired;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One directory of the node's layout (issue #4's catalogue entry). Immutable.
 *
 * @param name unique name ({@code postgresql-data}, {@code cache}, ...)
 * @param service the service it belongs to (hooks attach by service), or null
 * @param kind what it holds
 * @param path absolute path, inside the base directory
 * @param owner user name or numeric uid
 * @param group group name or numeric gid
 * @param mode permission bits as four octal digits ({@code 0700})
 * @param tier storage tier
 * @param backupPolicy name of the retention policy, or null when it is not backed up
 * @param repository name of the repository its snapshots go to (null when not backed up)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Volume(
    String name,
    String service,
    Kind kind,
    String path,
    String owner,
    String group,
    String mode,
    Tier tier,
    String backupPolicy,
    String repository) {

  /** What a volume holds. */
  public enum Kind {
    /** A top-level directory of the layout ({@code data/}, {@code cache/}, ...). */
    LAYOUT,
    /** A service's live data. */
    DATA,
    /** A service's configuration. */
    CONFIG,
    /** A service's own dumps and exports. */
    BACKUP
  }

  /** Storage tier, from fastest and most precious to disposable. */
  public enum Tier {
    HOT,
    WARM,
    COLD,
    CACHE
  }
}
