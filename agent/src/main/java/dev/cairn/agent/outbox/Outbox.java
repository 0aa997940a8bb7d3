package dev.cairn.agent.outbox;

import dev.cairn.agent.state.AtomicFile;
import dev.cairn.agent.state.RecordFile;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's durable outbox: every report, result and event is appended here (fsynced) before it
 * is sent, gets a {@code seq} that is strictly increasing, survives restarts and is never reused,
 * and is removed only once the controller has acknowledged it (cumulatively).
 *
 * <p>On disk: a directory of segment files of CRC-checked records plus a {@code marks} file (see
 * {@code docs/agent-state.md}). A crash at any instant loses nothing that {@link #append} returned
 * for; a torn last record was never returned, never sent, and is cut off on open. Thread-safe.
 */
public final class Outbox implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final Path dir;
  private final OutboxOptions options;
  private final Clock clock;
  private final BudgetListener listener;
  private final TreeMap<Long, Segment> segments = new TreeMap<>();
  private final List<Runnable> appendListeners = new CopyOnWriteArrayList<>();
  private final BudgetCompactor compactor;
  private Segment active;
  private RecordFile activeFile;
  private long nextSeq;
  private long acknowledged;
  private long highestTag;
  private boolean overBudget;
  private ReadPosition position;
  private boolean closed;

  private Outbox(Path dir, OutboxOptions options, Clock clock, BudgetListener listener) {
    this.dir = dir;
    this.options = options;
    this.clock = clock;
    this.listener = listener;
    this.compactor = new BudgetCompactor(options);
  }

  /** Opens (creating if needed) the outbox in {@code dir}, recovering from a crash if there was one. */
  public static Outbox open(Path dir, OutboxOptions options, Clock clock, BudgetListener listener)
      throws IOException {
    Files.createDirectories(dir);
    Outbox outbox = new Outbox(dir, options, clock, listener);
    outbox.recover();
    return outbox;
  }

  private void recover() throws IOException {
    OutboxMarks marks = OutboxMarks.read(dir);
    acknowledged = marks.acknowledged();
    highestTag = marks.highestTag();
    long lastSeq = Math.max(marks.lastAssigned(), marks.acknowledged());
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path file : stream) {
        String name = file.getFileName().toString();
        if (name.endsWith(".compact") || name.startsWith(".")) {
          Files.delete(file); // an interrupted compaction or atomic write: the original is intact
        } else if (name.endsWith(Segment.SUFFIX)) {
          files.add(file);
        }
      }
    }
    files.sort(null);
    for (int i = 0; i < files.size(); i++) {
      Segment.Loaded loaded = Segment.load(files.get(i));
      Segment segment = loaded.segment();
      boolean last = i == files.size() - 1;
      if (loaded.scan().damaged()) {
        if (last) {
          LOG.info("outbox: cutting off the torn tail of {} ({}); it was never acknowledged",
              segment.path().getFileName(), loaded.scan().problem());
        } else {
          LOG.error("outbox: segment {} is damaged ({}); entries after the damage are lost",
              segment.path().getFileName(), loaded.scan().problem());
          listener.damaged(segment.path().getFileName().toString(), loaded.scan().problem());
        }
        try (RecordFile file = RecordFile.openForAppend(segment.path(), loaded.scan().validEnd())) {
          file.sync();
        }
      }
      segments.put(segment.firstSeq(), segment);
      lastSeq = Math.max(lastSeq, Math.max(segment.lastSeq(), segment.firstSeq() - 1));
      highestTag = Math.max(highestTag, segment.maxTag());
    }
    nextSeq = lastSeq + 1;
    if (segments.isEmpty()) {
      active = Segment.create(dir, nextSeq);
      segments.put(active.firstSeq(), active);
    } else {
      active = segments.lastEntry().getValue();
    }
    activeFile = RecordFile.openForAppend(active.path(), active.bytes());
    deleteAcknowledgedSegments();
  }

  /** Registers a callback run (on the appending thread, without locks) after every append. */
  public void onAppend(Runnable callback) {
    appendListeners.add(callback);
  }

  /**
   * Appends an entry and forces it to disk. Returns its seq. {@code tag} is the caller's ordering
   * tag (the command seq for results; 0 otherwise), see {@link #highestTag()}.
   */
  public long append(EntryKind kind, long tag, byte[] payload) throws IOException {
    long seq;
    Runnable budgetCallback;
    synchronized (this) {
      ensureOpen();
      if (activeFile == null) {
        activeFile = RecordFile.openForAppend(active.path(), active.bytes()); // after a failed append
      }
      if (active.bytes() >= options.segmentBytes()) {
        roll();
      }
      OutboxEntry entry = new OutboxEntry(nextSeq, kind, tag, clock.instant(), payload);
      byte[] body = entry.encode();
      try {
        activeFile.append(body, true);
      } catch (IOException e) {
        poisonActiveFile();
        throw e;
      }
      seq = nextSeq++;
      active.count(entry, RecordFile.HEADER + body.length);
      highestTag = Math.max(highestTag, tag);
      budgetCallback = enforceBudgetAfterAppend();
    }
    notify(budgetCallback);
    appendListeners.forEach(this::notify);
    return seq;
  }

  /**
   * After a failed append: the file may still hold bytes of it (when even cutting them off failed),
   * so it is closed; reading stops at the segment's committed bytes, and the next append reopens the
   * file truncated to them.
   */
  private void poisonActiveFile() {
    try {
      activeFile.close();
    } catch (IOException ignored) {
      // the append failed already; reopening truncates what it may have left behind
    }
    activeFile = null;
  }

  private void roll() throws IOException {
    activeFile.close();
    activeFile = null;
    active = Segment.create(dir, nextSeq);
    segments.put(active.firstSeq(), active);
    activeFile = RecordFile.openForAppend(active.path(), 0);
  }

  /**
   * Up to {@code max} entries with {@code seq > afterSeq}, in seq order. Entries may have been
   * compacted away, so seqs can have gaps.
   */
  public synchronized List<OutboxEntry> read(long afterSeq, int max) throws IOException {
    ensureOpen();
    List<OutboxEntry> result = new ArrayList<>(Math.min(max, 256));
    long start = Math.max(afterSeq, acknowledged);
    Map.Entry<Long, Segment> from = segments.floorEntry(start + 1);
    Long key = from == null ? segments.firstKey() : from.getKey();
    long offset = 0;
    if (position != null && position.seq() == start && segments.get(position.segmentKey()) == position.segment()
        && position.segment().generation() == position.generation()) {
      key = position.segmentKey();
      offset = position.offset();
    }
    for (Segment segment : segments.tailMap(key, true).values()) {
      if (result.size() >= max) {
        break;
      }
      long[] end = {offset};
      RecordFile.scan(segment.path(), offset, segment.bytes(), (at, body) -> {
        OutboxEntry entry = OutboxEntry.decode(body);
        end[0] = at + RecordFile.HEADER + body.length;
        if (entry.seq() > start) {
          result.add(entry);
        }
        return result.size() < max;
      });
      if (!result.isEmpty()) {
        position = new ReadPosition(result.get(result.size() - 1).seq(), segment.firstSeq(), segment,
            segment.generation(), end[0]);
      }
      offset = 0;
    }
    return List.copyOf(result);
  }

  /** Where the last {@link #read} stopped, so the next one continues without rescanning. */
  private record ReadPosition(long seq, long segmentKey, Segment segment, int generation, long offset) {}

  /**
   * Cumulative acknowledgement: every entry with {@code seq <= upToSeq} is stored by the
   * controller and may be removed. Durable when this returns. A seq beyond every seq assigned so
   * far (a controller that knows more than this outbox, e.g. after the state directory was lost)
   * moves the next seq past it, so no seq is ever reused.
   */
  public void acknowledge(long upToSeq) throws IOException {
    Runnable budgetCallback;
    synchronized (this) {
      ensureOpen();
      if (upToSeq <= acknowledged) {
        return;
      }
      if (upToSeq >= nextSeq) {
        LOG.warn("outbox: the controller acknowledged seq {} but the highest seq assigned here is {};"
            + " continuing after {}", upToSeq, nextSeq - 1, upToSeq);
        nextSeq = upToSeq + 1;
      }
      acknowledged = upToSeq;
      new OutboxMarks(acknowledged, nextSeq - 1, highestTag).write(dir);
      deleteAcknowledgedSegments();
      budgetCallback = budgetState();
    }
    notify(budgetCallback);
  }

  /** Runs a listener; its failure must not look like a failed append (the entry is durable). */
  private void notify(Runnable callback) {
    if (callback == null) {
      return;
    }
    try {
      callback.run();
    } catch (RuntimeException e) {
      LOG.error("outbox: a listener failed", e);
    }
  }

  private void deleteAcknowledgedSegments() throws IOException {
    boolean deleted = false;
    var iterator = segments.values().iterator();
    while (iterator.hasNext()) {
      Segment segment = iterator.next();
      if (segment != active && segment.lastSeq() <= acknowledged) {
        Files.deleteIfExists(segment.path());
        iterator.remove();
        deleted = true;
      }
    }
    if (deleted) {
      AtomicFile.syncDirectory(dir);
    }
  }

  /**
   * The entry is durable by now, so a failed compaction must not fail its append: it is logged
   * and tried again after the next one (a damaged segment is reported once and left alone).
   */
  private Runnable enforceBudgetAfterAppend() {
    try {
      return enforceBudget();
    } catch (DamagedSegmentException e) {
      LOG.error("outbox: {}", e.getMessage());
      Runnable state = budgetState();
      return () -> {
        listener.damaged(e.segment(), e.problem());
        if (state != null) {
          state.run();
        }
      };
    } catch (IOException e) {
      LOG.warn("outbox: compacting it to its budget failed ({}); tried again after the next entry", e.toString());
      return budgetState();
    }
  }

  private Runnable enforceBudget() throws IOException {
    if (totalBytes() > options.budgetBytes()) {
      List<Segment> sealed = new ArrayList<>(segments.values());
      sealed.remove(active);
      long newestSample = segments.values().stream().mapToLong(Segment::lastCompactableSeq).max().orElse(0);
      long freed = compactor.compact(sealed, totalBytes() - options.budgetBytes(), newestSample);
      if (freed > 0) {
        LOG.info("outbox: over its budget of {} bytes; compacted old health samples, freed {} bytes",
            options.budgetBytes(), freed);
        sealed.stream().filter(s -> s.count() == 0).forEach(this::deleteEmpty);
      }
    }
    return budgetState();
  }

  private void deleteEmpty(Segment segment) {
    try {
      Files.deleteIfExists(segment.path());
      segments.remove(segment.firstSeq());
    } catch (IOException e) {
      LOG.warn("outbox: cannot delete empty segment {}: {}", segment.path(), e.getMessage());
    }
  }

  private Runnable budgetState() {
    long used = totalBytes();
    long budget = options.budgetBytes();
    if (!overBudget && used > budget) {
      overBudget = true;
      return () -> listener.overBudget(used, budget);
    }
    if (overBudget && used <= budget * 9 / 10) {
      overBudget = false;
      return () -> listener.backUnderBudget(used, budget);
    }
    return null;
  }

  /** Bytes held in segment files. */
  public synchronized long totalBytes() {
    return segments.values().stream().mapToLong(Segment::bytes).sum();
  }

  /** The highest seq acknowledged by the controller. */
  public synchronized long acknowledged() {
    return acknowledged;
  }

  /** The highest seq assigned so far (0 when none). */
  public synchronized long lastSeq() {
    return nextSeq - 1;
  }

  /**
   * The highest tag ever appended, also of entries already acknowledged and removed. The command
   * service tags results with their command seq, so this tells it which results are out.
   */
  public synchronized long highestTag() {
    return highestTag;
  }

  /** Entries not yet acknowledged (counts what is on disk, compacted entries excluded). */
  public synchronized int pendingCount() throws IOException {
    return read(acknowledged, Integer.MAX_VALUE).size();
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("outbox " + dir + " is closed");
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (!closed) {
      closed = true;
      if (activeFile != null) {
        activeFile.close();
      }
    }
  }
}
