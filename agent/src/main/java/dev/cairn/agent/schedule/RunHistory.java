package dev.cairn.agent.schedule;

import com.fasterxml.jackson.core.JacksonException;
import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.state.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the scheduler remembers across restarts, in {@code <state>/schedules/history.json}
 * (replaced atomically): for each schedule the last slot it ran for (from which missed slots are
 * found), and for each schedule and volume the last run's result. Thread-safe.
 */
public final class RunHistory {

  private static final Logger LOG = LoggerFactory.getLogger(RunHistory.class);

  /** The file's shape. */
  record Document(Map<String, Long> slots, Map<String, RunRecord> runs) {
    Document {
      slots = slots == null ? new TreeMap<>() : new TreeMap<>(slots);
      runs = runs == null ? new TreeMap<>() : new TreeMap<>(runs);
    }
  }

  private final Path file;
  private final Document document;

  private RunHistory(Path file, Document document) {
    this.file = file;
    this.document = document;
  }

  /**
   * Reads the history in {@code dir} (empty if there is none yet). A damaged file is moved aside
   * to {@code history.json.damaged} and the schedules start afresh (no missed run is caught up):
   * an unattended node keeps backing up rather than refusing to start.
   *
   * @throws IOException if the file cannot be read or moved
   */
  public static RunHistory open(Path dir) throws IOException {
    Path file = dir.resolve("history.json");
    try {
      return new RunHistory(file, RunHistoryCodec.decode(Files.readAllBytes(file)));
    } catch (NoSuchFileException e) {
      return new RunHistory(file, new Document(null, null));
    } catch (JacksonException e) {
      Path aside = dir.resolve("history.json.damaged");
      Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
      LOG.warn("{} is not a schedule run history ({}); moved it to {} and starting the schedules afresh", file,
          e.getOriginalMessage(), aside);
      return new RunHistory(file, new Document(null, null));
    }
  }

  /** The last slot {@code schedule} ran for, if it ever did. */
  public synchronized Optional<Instant> lastSlot(String schedule) {
    return Optional.ofNullable(document.slots().get(schedule)).map(Instant::ofEpochMilli);
  }

  /** Remembers that {@code schedule} has run for {@code slot} (and every slot before it). */
  public synchronized void markSlot(String schedule, Instant slot) throws IOException {
    document.slots().put(schedule, slot.toEpochMilli());
    save();
  }

  /** Records a run's result for a volume ({@code ""} for repository-wide runs). */
  public synchronized void record(Schedule schedule, String volume, Completion result, String snapshotId,
      Instant finished) throws IOException {
    String key = RunRecord.key(schedule.name(), volume);
    RunRecord before = document.runs().get(key);
    boolean success = result.outcome() != Outcome.FAILED;
    Long lastSuccess = success ? Long.valueOf(finished.toEpochMilli()) : before == null ? null : before.lastSuccess();
    String snapshot = success && snapshotId != null ? snapshotId : before == null ? null : before.snapshotId();
    document.runs().put(key, new RunRecord(schedule.name(), schedule.action().label(), volume, lastSuccess,
        finished.toEpochMilli(), result.outcome().name().toLowerCase(Locale.ROOT), result.message(), snapshot));
    save();
  }

  /** Every recorded run. */
  public synchronized List<RunRecord> runs() {
    return List.copyOf(document.runs().values());
  }

  /** The recorded run of a schedule for a volume. */
  public synchronized Optional<RunRecord> run(String schedule, String volume) {
    return Optional.ofNullable(document.runs().get(RunRecord.key(schedule, volume)));
  }

  private void save() throws IOException {
    AtomicFile.write(file, RunHistoryCodec.encode(document));
  }
}
