package dev.cairn.agent.job;

import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.hook.HookOutcome;
import dev.cairn.agent.hook.HookReport;
import dev.cairn.agent.hook.HookSequence;
import dev.cairn.agent.hook.PauseRecovery;
import dev.cairn.agent.hook.VolumeHooks;
import dev.cairn.agent.layout.CatalogueSource;
import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.repository.SnapshotRecord;
import dev.cairn.agent.repository.SnapshotSummary;
import dev.cairn.agent.retention.ForgetPolicy;
import dev.cairn.agent.snapshot.Copier;
import dev.cairn.agent.snapshot.CopyReport;
import dev.cairn.agent.snapshot.ForgetOptions;
import dev.cairn.agent.snapshot.ForgetReport;
import dev.cairn.agent.snapshot.Forgetter;
import dev.cairn.agent.snapshot.Pruner;
import dev.cairn.agent.snapshot.PruneReport;
import dev.cairn.agent.snapshot.RestoreOptions;
import dev.cairn.agent.snapshot.RestorePipeline;
import dev.cairn.agent.snapshot.RestoreProgress;
import dev.cairn.agent.snapshot.RestoreResult;
import dev.cairn.agent.snapshot.RestoreTestReport;
import dev.cairn.agent.snapshot.RestoreTester;
import dev.cairn.agent.snapshot.SnapshotOptions;
import dev.cairn.agent.snapshot.SnapshotPipeline;
import dev.cairn.agent.snapshot.SnapshotProgress;
import dev.cairn.agent.snapshot.SnapshotResult;
import dev.cairn.agent.snapshot.Verifier;
import dev.cairn.agent.snapshot.VerifyReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link BackupJobs} on the node's real repositories, driving the same snapshot library as the
 * command line ({@code cairn snapshot}, {@code restore}, {@code verify}, ...). Jobs run one at a
 * time (commands and schedules wait for each other rather than fail on the repository's lock);
 * other processes are kept out by the repository's own locks. Thread-safe.
 */
public final class RepositoryJobs implements BackupJobs {

  private static final int WORKERS = 2;

  private final BackupSettings settings;
  private final VolumeDirectory volumes;
  private final VolumeHooks hooks;
  private final RepositoryAccess access = new RepositoryAccess();

  /** Jobs without snapshot hooks or a catalogue (volumes by the seed's naming). */
  public RepositoryJobs(BackupSettings settings) {
    this(settings, VolumeHooks.none(), null);
  }

  /**
   * @param hooks the pre/post hooks every snapshot of a volume runs inside (application consistency)
   * @param catalogue the node's volume catalogue (where volumes are, which are backed up), or null
   */
  public RepositoryJobs(BackupSettings settings, VolumeHooks hooks, CatalogueSource catalogue) {
    this.settings = settings;
    this.volumes = new VolumeDirectory(settings.base(), settings.volumes(), catalogue);
    this.hooks = hooks;
  }

  /** The volumes scheduled snapshots cover. */
  public List<String> backedUpVolumes() {
    return volumes.backedUp();
  }

  @Override
  public synchronized Completion recoverPauses() throws IOException {
    PauseRecovery.Report report = hooks.recoverPauses();
    Map<String, Object> details = Map.of("unpaused", report.unpaused(), "notPaused", report.notPaused(),
        "left", report.left());
    if (!report.left().isEmpty()) {
      return Completion.failed(report.describe());
    }
    return report.nothingToDo() ? Completion.ok(report.describe(), details) : Completion.changed(report.describe(), details);
  }

  private OpenedRepository open() throws IOException, JobException {
    return access.open(settings.repository(), settings.passwordFile());
  }

  @Override
  public synchronized Completion snapshot(String volume, List<String> tags)
      throws JobException, IOException, InterruptedException {
    Path source = volumes.resolve(volume);
    if (!Files.isDirectory(source)) {
      throw new JobException("volume " + volume + ": " + source + " is not a directory; create the volume (cairn"
          + " volumes init) or remove it from backup.volumes");
    }
    try (OpenedRepository opened = open()) {
      HookSequence.Result<SnapshotResult> run = hooks.around(volume, () -> new SnapshotPipeline(opened.repository(),
          new SnapshotOptions(volume, tags, settings.host(), WORKERS), SnapshotProgress.NONE).run(source));
      List<String> hookLines = run.report().outcomes().stream().map(HookOutcome::summary).toList();
      if (!run.ran()) {
        return failed("snapshot of " + volume + " not taken: a pre-snapshot hook failed: " + firstFailure(run.report()),
            Map.of("volume", volume, "hooks", hookLines));
      }
      if (run.failure() != null) {
        throw run.failure();
      }
      SnapshotResult result = run.value();
      SnapshotSummary s = result.summary();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put(SNAPSHOT_ID, result.id());
      details.put("volume", volume);
      details.put("partial", result.partial());
      details.put("filesNew", s.filesNew());
      details.put("filesChanged", s.filesChanged());
      details.put("filesUnchanged", s.filesUnchanged());
      details.put("bytesStored", s.bytesStored());
      details.put("errors", result.record().errors().size());
      if (!hookLines.isEmpty()) {
        details.put("hooks", hookLines);
      }
      String message = "snapshot " + result.record().shortId() + " of " + volume + " saved"
          + (result.partial() ? " (PARTIAL: " + s.errors() + " files not readable)" : "");
      if (run.report().failed()) {
        return failed(message + ", but a hook failed: " + firstFailure(run.report()), details);
      }
      return result.partial() ? failed(message, details) : Completion.changed(message, details);
    } catch (RepositoryException e) {
      throw new JobException("snapshot of " + volume + " failed: " + e.getMessage(), e);
    } catch (IOException | InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new JobException("snapshot of " + volume + " failed: " + e, e);
    }
  }

  private static String firstFailure(HookReport report) {
    return report.outcomes().stream().filter(o -> !o.ok()).findFirst().map(HookOutcome::summary).orElse("?");
  }

  @Override
  public synchronized Completion restore(String volume, String snapshot, String target, List<String> include)
      throws JobException, IOException, InterruptedException {
    Path directory = target == null || target.isBlank() ? volumes.resolve(volume) : Path.of(target);
    if (!directory.isAbsolute()) {
      throw new JobException("restore target '" + target + "' must be an absolute path");
    }
    try (OpenedRepository opened = open()) {
      SnapshotRecord record = find(opened, volume, snapshot);
      RestoreResult result = new RestorePipeline(opened.repository(), new RestoreOptions(include, WORKERS),
          RestoreProgress.NONE).run(record, directory);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put(SNAPSHOT_ID, record.id());
      details.put("target", directory.toString());
      details.put("files", result.files());
      details.put("bytes", result.bytes());
      details.put("damaged", result.damaged());
      details.put("errors", result.errors());
      String message = "restored snapshot " + record.shortId() + " into " + directory + ": " + result.files()
          + " files";
      return result.ok() ? Completion.changed(message, details)
          : failed(message + ", " + (result.damaged().size() + result.errors().size())
              + " damaged or not restored", details);
    } catch (RepositoryException e) {
      throw new JobException("restore failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized Completion verify(double readDataPercent) throws JobException, IOException, InterruptedException {
    if (!(readDataPercent >= 0 && readDataPercent <= 100)) {
      throw new JobException("verify: readDataPercent must be from 0 to 100, not " + readDataPercent);
    }
    try (OpenedRepository opened = open()) {
      VerifyReport report = new Verifier(opened.repository(), readDataPercent / 100.0, WORKERS).run();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("healthy", report.healthy());
      details.put("snapshots", report.snapshots());
      details.put("packs", report.packs());
      details.put("packsRead", report.packsRead());
      details.put("errors", report.errors());
      details.put("damagedSnapshots", report.damaged().stream().map(d -> d.id()).toList());
      String message = "checked " + report.snapshots() + " snapshots and " + report.packs() + " packs, read "
          + report.packsRead() + ": " + (report.healthy() ? "healthy" : "DAMAGED");
      return report.healthy() ? Completion.ok(message, details) : failed(message, details);
    } catch (RepositoryException e) {
      throw new JobException("verify failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized Completion restoreTest(String volume, String snapshot)
      throws JobException, IOException, InterruptedException {
    try (OpenedRepository opened = open()) {
      SnapshotRecord record = find(opened, volume, snapshot);
      RestoreTestReport report = new RestoreTester(opened.repository(), settings.scratch()).run(record);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put(SNAPSHOT_ID, report.snapshot());
      details.put("result", report.passed() ? "pass" : "fail");
      details.put("files", report.files());
      details.put("bytes", report.bytes());
      details.put("failures", report.failures().stream().limit(20).toList());
      String message = "restore test of snapshot " + record.shortId() + " (" + record.volume() + "): "
          + report.files() + " files checked, " + (report.passed() ? "PASS" : "FAIL");
      return report.passed() ? Completion.ok(message, details) : failed(message, details);
    } catch (RepositoryException e) {
      throw new JobException("restore test failed: " + e.getMessage(), e);
    }
  }

  /**
   * Forgets by {@code policy} among this host's snapshots of {@code volume}, through the same
   * {@link Forgetter} as {@code cairn forget}: under the exclusive lock, and refusing (nothing removed)
   * a policy that would keep none of them (an empty one, or a {@code keep-tag} no snapshot carries).
   */
  @Override
  public synchronized Completion forget(String volume, ForgetPolicy policy, Instant now, boolean dryRun)
      throws JobException, IOException {
    volumes.resolve(volume);
    ForgetOptions options = new ForgetOptions(now, settings.zone(), settings.host(), volume, dryRun, false, false);
    try (OpenedRepository opened = open()) {
      ForgetReport report = new Forgetter(opened.repository()).apply(policy, options);
      List<String> kept = new ArrayList<>();
      List<String> removed = new ArrayList<>();
      for (ForgetReport.Group group : report.groups()) {
        group.keep().forEach(entry -> kept.add(entry.id()));
        group.remove().forEach(entry -> removed.add(entry.id()));
      }
      Map<String, Object> details = Map.of("volume", volume, "kept", kept, "removed", removed, "dryRun", dryRun);
      String message = (dryRun ? "would remove " : "removed ") + removed.size() + " and keep " + kept.size()
          + " snapshots of " + volume;
      return removed.isEmpty() || dryRun ? Completion.ok(message, details) : Completion.changed(message, details);
    } catch (RepositoryException e) {
      throw new JobException("forget failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JobException("forget was interrupted; nothing or only some records were removed, run it again", e);
    }
  }

  @Override
  public synchronized Completion prune() throws JobException, IOException, InterruptedException {
    try (OpenedRepository opened = open()) {
      PruneReport report = new Pruner(opened.repository()).run();
      Map<String, Object> details = Map.of("packsDeleted", report.packsDeleted(), "packsRepacked",
          report.packsRepacked(), "bytesFreed", report.bytesFreed());
      String message = "pruned: " + report.packsDeleted() + " packs deleted, " + report.packsRepacked()
          + " repacked, " + report.bytesFreed() + " bytes freed";
      return report.bytesFreed() > 0 || report.packsDeleted() > 0 ? Completion.changed(message, details)
          : Completion.ok(message, details);
    } catch (RepositoryException e) {
      throw new JobException("prune failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized Completion archive(String snapshotId) throws JobException, IOException, InterruptedException {
    try (OpenedRepository source = open();
        OpenedRepository target = access.open(settings.archive(), settings.archivePasswordFile())) {
      SnapshotRecord record = source.repository().findSnapshot(snapshotId, null, null);
      CopyReport report = new Copier(source.repository(), target.repository(), WORKERS).copy(List.of(record));
      Map<String, Object> details = Map.of(SNAPSHOT_ID, record.id(), "archive", settings.archive(),
          "blobsNew", report.blobsNew(), "bytesStored", report.bytesStored());
      return report.copied().isEmpty()
          ? Completion.ok("snapshot " + record.shortId() + " is already in the archive", details)
          : Completion.changed("copied snapshot " + record.shortId() + " to the archive " + settings.archive(),
              details);
    } catch (RepositoryException e) {
      throw new JobException("copy to the archive failed: " + e.getMessage(), e);
    }
  }

  private static Completion failed(String message, Map<String, Object> details) {
    return new Completion(Outcome.FAILED, message, details);
  }

  private SnapshotRecord find(OpenedRepository opened, String volume, String snapshot)
      throws IOException, RepositoryException {
    boolean latest = snapshot == null || snapshot.isBlank() || "latest".equals(snapshot);
    String ofVolume = volume == null || volume.isBlank() ? null : volume;
    return latest
        ? opened.repository().findSnapshot("latest", ofVolume, settings.host())
        : opened.repository().findSnapshot(snapshot, null, null);
  }
}
