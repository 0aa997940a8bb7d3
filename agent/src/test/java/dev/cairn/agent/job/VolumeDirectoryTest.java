package dev.cairn.agent.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.agent.layout.Catalogue;
import dev.cairn.agent.layout.CatalogueSource;
import dev.cairn.inventory.desired.AlertThresholds;
import dev.cairn.inventory.desired.DesiredState.DriftPolicy;
import dev.cairn.inventory.desired.Volume;
import dev.cairn.inventory.desired.Volume.Kind;
import dev.cairn.inventory.desired.Volume.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeDirectoryTest {

  @TempDir Path base;

  private Volume volume(String name, String path, String policy) {
    return new Volume(name, null, Kind.DATA, base.resolve(path).toString(), "0", "0", "0750", Tier.HOT, policy,
        policy == null ? null : "local");
  }

  private CatalogueSource catalogue(boolean declared, Volume... volumes) {
    return CatalogueSource.of(new Catalogue(base, DriftPolicy.REPORT, List.of(volumes), AlertThresholds.DEFAULT,
        declared));
  }

  @Test
  void resolve_catalogueVolume_isWhereTheCatalogueSays() throws Exception {
    VolumeDirectory volumes = new VolumeDirectory(base, List.of(),
        catalogue(true, volume("postgresql-data", "srv/pg15", "gfs-default")));

    assertThat(volumes.resolve("postgresql-data")).isEqualTo(base.resolve("srv/pg15"));
    assertThat(volumes.resolve("redis-data")).as("not in the catalogue: the seed's naming")
        .isEqualTo(base.resolve("data/redis"));
    assertThatThrownBy(() -> volumes.resolve("../etc")).isInstanceOf(JobException.class);
  }

  @Test
  void backedUp_declaredCatalogue_isTheExistingVolumesWithABackupPolicy() throws Exception {
    Files.createDirectories(base.resolve("srv/pg15"));
    Files.createDirectories(base.resolve("cache/redis"));
    VolumeDirectory volumes = new VolumeDirectory(base, List.of(), catalogue(true,
        volume("postgresql-data", "srv/pg15", "gfs-default"),
        volume("redis-cache", "cache/redis", null),
        volume("gitea-data", "data/gitea", "gfs-default")));

    assertThat(volumes.backedUp()).containsExactly("postgresql-data");
  }

  @Test
  void backedUp_configuredOrAssumedCatalogue_keepsTheConfiguredOrSeedVolumes() throws Exception {
    Files.createDirectories(base.resolve("data/gitea"));
    CatalogueSource assumed = catalogue(false, volume("postgresql-data", "srv/pg15", "gfs-default"));

    assertThat(new VolumeDirectory(base, List.of("data"), assumed).backedUp()).containsExactly("data");
    assertThat(new VolumeDirectory(base, List.of(), assumed).backedUp()).containsExactly("gitea-data");
  }
}
