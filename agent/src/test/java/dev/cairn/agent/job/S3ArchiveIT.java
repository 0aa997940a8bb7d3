package dev.cairn.agent.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.backend.S3TestServer;
import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.snapshot.RandomTree;
import dev.cairn.agent.snapshot.TreeComparison;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive tier on S3: the agent's monthly copy goes to an {@code s3:} repository (a real
 * s3proxy on 127.0.0.1; credentials from the environment, as on a node) and restores from there.
 */
class S3ArchiveIT {

  @TempDir Path dir;

  @Test
  void archive_toS3Repository_createsTheBucketCopiesOnceAndRestoresBitExact() throws Exception {
    Path base = dir.resolve("ai-q");
    Path volume = new RandomTree(11, base.resolve("data/postgresql")).build(15, 3);
    try (S3TestServer s3 = S3TestServer.start()) {
      String archive = "s3:" + s3.endpoint() + "/" + S3TestServer.newBucketName() + "/archive";
      Path archivePassword = dir.resolve("state/archive.password");
      RepositoryJobs jobs = new RepositoryJobs(new BackupSettings(base, base.resolve("backups/repo").toString(),
          dir.resolve("state/repo.password"), archive, archivePassword, dir.resolve("scratch"), "node-1", List.of(),
          ZoneOffset.UTC));
      String id = (String) jobs.snapshot("postgresql-data", List.of("monthly")).details().get(BackupJobs.SNAPSHOT_ID);

      Completion copied = jobs.archive(id);
      Completion again = jobs.archive(id);

      assertThat(copied.outcome()).as(copied.message()).isEqualTo(Outcome.CHANGED);
      assertThat(again.outcome()).as(again.message()).isEqualTo(Outcome.OK);
      RepositoryJobs fromArchive = new RepositoryJobs(new BackupSettings(base, archive, archivePassword, archive,
          archivePassword, dir.resolve("scratch"), "node-1", List.of(), ZoneOffset.UTC));
      Path restored = dir.resolve("restored");
      Completion back = fromArchive.restore("postgresql-data", id, restored.toString(), List.of());
      assertThat(back.outcome()).as(back.message()).isEqualTo(Outcome.CHANGED);
      TreeComparison.assertSameTree(volume, restored);
      assertThat(fromArchive.verify(100).details()).containsEntry("healthy", true);
    }
  }
}
