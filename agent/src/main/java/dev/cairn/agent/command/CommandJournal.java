package dev.cairn.agent.command;

import dev.cairn.agent.state.AtomicFile;
import dev.cairn.agent.state.RecordFile;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable command inbox and the set of applied command ids, in one append-only journal
 * ({@code commands/journal}): ACCEPTED (seq, wire command), STARTED (seq), FINISHED (seq, id) and
 * CHECKPOINT (last accepted seq, recent applied ids) records. Compacted by rewriting (temp file,
 * fsync, rename). Thread-safe.
 */
final class CommandJournal implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(CommandJournal.class);
  private static final byte ACCEPTED = 1;
  private static final byte STARTED = 2;
  private static final byte FINISHED = 3;
  private static final byte CHECKPOINT = 4;
  static final String FILE = "journal";

  private final Path file;
  private final int maxApplied;
  private final long compactBytes;
  private final TreeMap<Long, Pending> pending = new TreeMap<>();
  private final LinkedHashMap<String, Long> applied;
  private RecordFile log;
  private long lastAcceptedSeq;

  /** A command accepted but not finished: its seq, wire bytes and whether it was started. */
  record Pending(long seq, byte[] wire, boolean started) {}

  private CommandJournal(Path file, int maxApplied, long compactBytes) {
    this.file = file;
    this.maxApplied = maxApplied;
    this.compactBytes = compactBytes;
    this.applied = new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
        return size() > CommandJournal.this.maxApplied;
      }
    };
  }

  /** Opens (creating if needed) the journal in {@code dir}, cutting off a torn tail. */
  static CommandJournal open(Path dir, int maxApplied, long compactBytes) throws IOException {
    Files.createDirectories(dir);
    Files.deleteIfExists(dir.resolve(FILE + ".compact"));
    CommandJournal journal = new CommandJournal(dir.resolve(FILE), maxApplied, compactBytes);
    journal.load();
    return journal;
  }

  private void load() throws IOException {
    long end = 0;
    if (Files.exists(file)) {
      RecordFile.Scan scan = RecordFile.scan(file, 0, (offset, body) -> {
        apply(ByteBuffer.wrap(body));
        return true;
      });
      if (scan.damaged()) {
        LOG.info("command journal: cutting off a torn tail ({}); its command was never acknowledged", scan.problem());
      }
      end = scan.validEnd();
    }
    log = RecordFile.openForAppend(file, end);
    if (end == 0) {
      AtomicFile.syncDirectory(file.getParent());
    }
  }

  private void apply(ByteBuffer body) {
    byte type = body.get();
    long seq = body.getLong();
    switch (type) {
      case ACCEPTED -> {
        byte[] wire = new byte[body.remaining()];
        body.get(wire);
        pending.put(seq, new Pending(seq, wire, false));
        lastAcceptedSeq = Math.max(lastAcceptedSeq, seq);
      }
      case STARTED -> pending.computeIfPresent(seq, (k, p) -> new Pending(p.seq(), p.wire(), true));
      case FINISHED -> {
        pending.remove(seq);
        applied.put(readString(body), seq);
      }
      case CHECKPOINT -> {
        lastAcceptedSeq = Math.max(lastAcceptedSeq, seq);
        int count = body.getInt();
        for (int i = 0; i < count; i++) {
          long appliedSeq = body.getLong();
          applied.put(readString(body), appliedSeq);
        }
      }
      default -> throw new IllegalStateException("unknown command journal record type " + type);
    }
  }

  /** Durably records a delivered command; {@code false} if its seq was accepted before. */
  synchronized boolean accept(long seq, byte[] wire) throws IOException {
    if (seq <= lastAcceptedSeq) {
      return false;
    }
    append(ByteBuffer.allocate(9 + wire.length).put(ACCEPTED).putLong(seq).put(wire).array());
    pending.put(seq, new Pending(seq, wire, false));
    lastAcceptedSeq = seq;
    return true;
  }

  /** Durably records that the command at {@code seq} is about to run. */
  synchronized void started(long seq) throws IOException {
    append(ByteBuffer.allocate(9).put(STARTED).putLong(seq).array());
    pending.computeIfPresent(seq, (k, p) -> new Pending(p.seq(), p.wire(), true));
  }

  /** Records that the command at {@code seq} is done and its result is in the outbox. */
  synchronized void finished(long seq, String id) throws IOException {
    byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
    append(ByteBuffer.allocate(9 + 2 + idBytes.length).put(FINISHED).putLong(seq)
        .putShort((short) idBytes.length).put(idBytes).array());
    pending.remove(seq);
    applied.put(id, seq);
    if (log.size() > compactBytes) {
      compact();
    }
  }

  private void append(byte[] body) throws IOException {
    try {
      log.append(body, true);
    } catch (IOException e) {
      long committed = log.size(); // the failed record is not counted: reopening cuts off what it left
      try {
        log.close();
        log = RecordFile.openForAppend(file, committed);
      } catch (IOException reopen) {
        e.addSuppressed(reopen);
      }
      throw e;
    }
  }

  /** Rewrites the journal as one CHECKPOINT plus the records of pending commands. */
  private void compact() throws IOException {
    Path temp = file.resolveSibling(FILE + ".compact");
    try (RecordFile out = RecordFile.openForAppend(temp, 0)) {
      out.append(checkpoint(), false);
      for (Pending p : pending.values()) {
        out.append(ByteBuffer.allocate(9 + p.wire().length).put(ACCEPTED).putLong(p.seq()).put(p.wire()).array(), false);
        if (p.started()) {
          out.append(ByteBuffer.allocate(9).put(STARTED).putLong(p.seq()).array(), false);
        }
      }
      out.sync();
    }
    log.close();
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    AtomicFile.syncDirectory(file.getParent());
    log = RecordFile.openForAppend(file, Files.size(file));
  }

  private byte[] checkpoint() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(CHECKPOINT);
      out.writeLong(lastAcceptedSeq);
      out.writeInt(applied.size());
      for (Map.Entry<String, Long> entry : applied.entrySet()) {
        out.writeLong(entry.getValue());
        byte[] id = entry.getKey().getBytes(StandardCharsets.UTF_8);
        out.writeShort(id.length);
        out.write(id);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static String readString(ByteBuffer body) {
    byte[] bytes = new byte[Short.toUnsignedInt(body.getShort())];
    body.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The pending command with the lowest seq. */
  synchronized Optional<Pending> next() {
    var first = pending.firstEntry();
    return first == null ? Optional.empty() : Optional.of(first.getValue());
  }

  synchronized long lastAcceptedSeq() {
    return lastAcceptedSeq;
  }

  synchronized int pendingCount() {
    return pending.size();
  }

  /** The seq at which {@code id} was applied, if it is among the recent applied ids. */
  synchronized OptionalLong appliedSeq(String id) {
    Long seq = applied.get(id);
    return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
  }

  @Override
  public synchronized void close() throws IOException {
    log.close();
  }
}
