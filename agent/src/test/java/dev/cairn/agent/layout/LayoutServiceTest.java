package dev.cairn.agent.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.inventory.desired.DesiredState.DriftPolicy;
import dev.cairn.inventory.desired.Volume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real directories under a temp base. Owner tests run as root here; as another user they check the error path. */
class LayoutServiceTest {

  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  @TempDir Path dir;
  private final LayoutService layout = new LayoutService();

  private Path base() {
    return dir.resolve("ai-q");
  }

  private static int uid(Path path) throws IOException {
    return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
  }

  private static String mode(Path path) throws IOException {
    return DirectoryAttributes.modeOf(path).toString();
  }

  private static Catalogue withDrift(Catalogue c, DriftPolicy drift) {
    return new Catalogue(c.base(), drift, c.volumes(), c.thresholds(), true);
  }

  /** Lays the catalogue out, then gives postgresql-data {@code mode} and uid 4242 and deletes minio-config. */
  private Path layOutThenDrift(Catalogue catalogue, String mode) throws IOException {
    layout.converge(catalogue, RepairScope.ALL);
    Path postgres = base().resolve("data/postgresql");
    Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString(mode));
    Files.setAttribute(postgres, "unix:uid", 4242);
    Files.delete(base().resolve("config/minio"));
    return postgres;
  }

  @Test
  void converge_emptyBase_createsTheSeedsLayoutWithOwnersAndModes() throws IOException {
    LayoutReport report = layout.converge(CatalogueReader.defaults(base()), RepairScope.ALL);

    assertThat(report.volumes()).hasSize(6 + 7 * 3);
    assertThat(report.summary()).contains("27 volumes").contains("27 created");
    assertThat(report.baseChanges()).singleElement().asString().contains("created the base directory");
    Path postgres = base().resolve("data/postgresql");
    assertThat(postgres).isDirectory();
    assertThat(mode(postgres)).isEqualTo("0700");
    assertThat(mode(base().resolve("config/gitea"))).isEqualTo("0750");
    assertThat(mode(base().resolve("backups"))).isEqualTo("0750");
    assertThat(mode(base().resolve("cache"))).isEqualTo("0755");
    for (String s : List.of("postgresql", "redis", "elasticsearch", "weaviate", "minio", "gitea", "nextcloud")) {
      assertThat(base().resolve("data/" + s)).isDirectory();
      assertThat(base().resolve("config/" + s)).isDirectory();
      assertThat(base().resolve("backups/" + s)).isDirectory();
    }
    if (ROOT) {
      assertThat(report.drifted()).isEmpty();
      assertThat(uid(postgres)).isEqualTo(999);
      assertThat(uid(base().resolve("data/nextcloud"))).isEqualTo(33);
      assertThat(uid(base().resolve("config/gitea"))).isEqualTo(1000);
    } else {
      assertThat(report.volume("postgresql-data").orElseThrow().drift())
          .anyMatch(d -> d.startsWith("cannot set the owner"));
    }
    assertThat(layout.inspect(CatalogueReader.defaults(base())).changed()).isFalse();
  }

  @Test
  void converge_reportPolicy_flagsModeOwnerAndMissingWithoutTouching() throws IOException {
    Catalogue catalogue = withDrift(CatalogueReader.defaults(base()), DriftPolicy.REPORT);
    Path postgres = layOutThenDrift(catalogue, "rwxrwxrwx");

    LayoutReport report = layout.converge(catalogue, RepairScope.NONE);

    assertThat(report.changed()).isFalse();
    assertThat(report.volume("postgresql-data").orElseThrow().drift())
        .containsExactly("owner 4242, want 999", "mode 0777, want 0700");
    assertThat(report.volume("minio-config").orElseThrow().drift()).containsExactly("missing");
    assertThat(report.volume("minio-config").orElseThrow().present()).isFalse();
    assertThat(report.drifted()).hasSize(2);
    assertThat(mode(postgres)).isEqualTo("0777");
    assertThat(base().resolve("config/minio")).doesNotExist();
  }

  @Test
  void converge_repairScope_fixesModeOwnerAndMissingDirectories() throws IOException {
    Catalogue catalogue = CatalogueReader.defaults(base());
    Path postgres = layOutThenDrift(catalogue, "rwxr-xr-x");

    LayoutReport report = layout.converge(catalogue, RepairScope.ALL);

    assertThat(report.drifted()).isEmpty();
    assertThat(report.volume("postgresql-data").orElseThrow().changes())
        .containsExactly("owner 4242 -> 999", "mode 0755 -> 0700");
    assertThat(report.volume("minio-config").orElseThrow().changes()).singleElement().asString()
        .startsWith("created (owner 1000, group 1000, mode 0750");
    assertThat(mode(postgres)).isEqualTo("0700");
    assertThat(uid(postgres)).isEqualTo(999);
    assertThat(report.summary()).contains("1 created, 1 repaired, 0 with drift");
  }

  @Test
  void converge_missingScope_createsButLeavesWrongModesAsDrift() throws IOException {
    Catalogue catalogue = CatalogueReader.defaults(base());
    layout.converge(catalogue, RepairScope.ALL);
    Files.setPosixFilePermissions(base().resolve("data/redis"), PosixFilePermissions.fromString("rwx------"));
    Files.delete(base().resolve("logs"));

    LayoutReport report = layout.converge(catalogue, RepairScope.MISSING);

    assertThat(base().resolve("logs")).isDirectory();
    assertThat(report.volume("redis-data").orElseThrow().drift()).containsExactly("mode 0700, want 0750");
  }

  @Test
  void converge_symlinkOrFileInTheWay_isDriftAndNeverFollowedOrDeleted() throws IOException {
    Catalogue catalogue = CatalogueReader.defaults(base());
    layout.converge(catalogue, RepairScope.ALL);
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path redis = base().resolve("data/redis");
    Files.delete(redis);
    Files.createSymbolicLink(redis, outside);
    Path gitea = base().resolve("config/gitea");
    Files.delete(gitea);
    Files.writeString(gitea, "precious");

    LayoutReport report = layout.converge(catalogue, RepairScope.ALL);

    assertThat(report.volume("redis-data").orElseThrow().drift()).singleElement().asString()
        .contains("is a symbolic link to " + outside).contains("not followed");
    assertThat(mode(outside)).as("the link target is untouched").isEqualTo("0777");
    assertThat(report.volume("gitea-config").orElseThrow().drift()).singleElement().asString()
        .contains("is a regular file, not a directory");
    assertThat(Files.readString(gitea)).isEqualTo("precious");
  }

  @Test
  void converge_ownerUnknownOnThisHost_isDriftTellingHowToFixIt() throws IOException {
    Catalogue defaults = CatalogueReader.defaults(base());
    List<Volume> volumes = new ArrayList<>(defaults.volumes());
    volumes.add(new Volume("app-data", "app", Volume.Kind.DATA, base().resolve("data/app").toString(),
        "cairn-no-such-user", "cairn-no-such-group", "0750", Volume.Tier.HOT, null, null));
    Catalogue catalogue = new Catalogue(defaults.base(), DriftPolicy.REPAIR, volumes, defaults.thresholds(), true);

    VolumeOutcome app = layout.converge(catalogue, RepairScope.ALL).volume("app-data").orElseThrow();

    assertThat(app.present()).isTrue();
    assertThat(app.drift()).anyMatch(d -> d.contains("owner 'cairn-no-such-user' is not a user on this host")
        && d.contains("useradd --system cairn-no-such-user"));
    assertThat(app.drift()).anyMatch(d -> d.contains("group 'cairn-no-such-group' is not a group"));
    assertThat(mode(base().resolve("data/app"))).isEqualTo("0750");
  }

  @Test
  void converge_baseIsAFile_reportsEveryVolumeMissingAndChangesNothing() throws IOException {
    Files.writeString(base(), "not a directory");
    LayoutReport report = layout.converge(CatalogueReader.defaults(base()), RepairScope.ALL);
    assertThat(report.drifted()).hasSize(27);
    assertThat(report.volumes().get(0).drift()).singleElement().asString().contains("is not a directory");
    assertThat(Files.readString(base())).isEqualTo("not a directory");
  }
}
