package dev.cairn.inventory.desired;

import dev.cairn.inventory.desired.Volume.Kind;
import dev.cairn.inventory.desired.Volume.Tier;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's layout (recipe 01), used when the inventory does not say otherwise: six top-level
 * directories under the base directory and, for each of seven services, a data, a config and a
 * backup volume owned by the uid its official container image runs as.
 */
final class DefaultCatalogue {

  /** Default base directory of the layout. */
  static final String BASE_DIR = "/opt/ai-q";

  /** The seven services of the seed, in its order. */
  static final List<String> SERVICES =
      List.of("postgresql", "redis", "elasticsearch", "weaviate", "minio", "gitea", "nextcloud");

  /** A catalogue entry before it is placed under a base directory. */
  record Entry(
      String name, String service, Kind kind, String path, String owner, String group,
      String mode, Tier tier) {}

  private DefaultCatalogue() {}

  /** The top-level directories; they are not backed up (their volumes are). */
  static List<Entry> layout() {
    return List.of(
        new Entry("data", null, Kind.LAYOUT, "data", "0", "0", "0755", Tier.HOT),
        new Entry("cache", null, Kind.LAYOUT, "cache", "0", "0", "0755", Tier.CACHE),
        new Entry("backups", null, Kind.LAYOUT, "backups", "0", "0", "0750", Tier.COLD),
        new Entry("archives", null, Kind.LAYOUT, "archives", "0", "0", "0750", Tier.COLD),
        new Entry("config", null, Kind.LAYOUT, "config", "0", "0", "0750", Tier.WARM),
        new Entry("logs", null, Kind.LAYOUT, "logs", "0", "0", "0755", Tier.WARM));
  }

  /** The three volumes of one of {@link #SERVICES}. */
  static List<Entry> service(String service) {
    String uid = switch (service) {
      case "postgresql", "redis" -> "999";
      case "weaviate" -> "0";
      case "nextcloud" -> "33";
      default -> "1000";
    };
    String dataMode = service.equals("postgresql") ? "0700" : "0750";
    List<Entry> entries = new ArrayList<>();
    entries.add(new Entry(service + "-data", service, Kind.DATA, "data/" + service, uid, uid,
        dataMode, Tier.HOT));
    entries.add(new Entry(service + "-config", service, Kind.CONFIG, "config/" + service, uid, uid,
        "0750", Tier.WARM));
    entries.add(new Entry(service + "-backup", service, Kind.BACKUP, "backups/" + service, uid, uid,
        dataMode, Tier.COLD));
    return entries;
  }
}
