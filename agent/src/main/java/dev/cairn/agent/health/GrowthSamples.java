package dev.cairn.agent.health;

import dev.cairn.agent.state.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The usage history of every volume, a small ring of {@link UsageSample}s per catalogue name
 * ({@link GrowthWindow}), kept in {@code <stateDir>/health/samples} so forecasts survive restarts.
 * The file is replaced whole (atomically) when samples were added; a damaged file is moved aside
 * and the history starts over. Format in {@code docs/agent-state.md}. Thread-safe.
 */
public final class GrowthSamples {

  private static final Logger LOG = LoggerFactory.getLogger(GrowthSamples.class);
  static final String FILE = "samples";
  private static final int VERSION = 1;

  private final Optional<Path> file;
  private final GrowthWindow window;
  private final Map<String, Deque<UsageSample>> rings = new TreeMap<>();
  private boolean dirty;

  private GrowthSamples(Optional<Path> file, GrowthWindow window) {
    this.file = file;
    this.window = window;
  }

  /** Opens (or starts) the history in {@code dir}; {@link #save} writes it back. */
  public static GrowthSamples open(Path dir, GrowthWindow window) throws IOException {
    Files.createDirectories(dir);
    GrowthSamples samples = new GrowthSamples(Optional.of(dir.resolve(FILE)), window);
    samples.load(dir.resolve(FILE));
    return samples;
  }

  /** The history in {@code dir} as it is now, never written back (a missing file is an empty history). */
  public static GrowthSamples readOnly(Path dir, GrowthWindow window) throws IOException {
    GrowthSamples samples = new GrowthSamples(Optional.empty(), window);
    samples.load(dir.resolve(FILE));
    return samples;
  }

  /** A history kept in memory only. */
  public static GrowthSamples inMemory(GrowthWindow window) {
    return new GrowthSamples(Optional.empty(), window);
  }

  public GrowthWindow window() {
    return window;
  }

  /**
   * Adds a sample unless the volume's newest one is less than the spacing older (or newer: a clock
   * set back); the oldest beyond the capacity is dropped.
   */
  public synchronized void record(String volume, Instant at, long usedBytes) {
    Deque<UsageSample> ring = rings.computeIfAbsent(volume, v -> new ArrayDeque<>());
    UsageSample newest = ring.peekLast();
    if (newest != null && at.isBefore(newest.at().plus(window.spacing()))) {
      return;
    }
    ring.addLast(new UsageSample(at, usedBytes));
    while (ring.size() > window.capacity()) {
      ring.removeFirst();
    }
    dirty = true;
  }

  /** The samples of {@code volume}, oldest first. */
  public synchronized List<UsageSample> samples(String volume) {
    return List.copyOf(rings.getOrDefault(volume, new ArrayDeque<>()));
  }

  /** Forgets volumes that are no longer in the catalogue. */
  public synchronized void retain(Collection<String> volumes) {
    dirty |= rings.keySet().retainAll(volumes);
  }

  /** Writes the history if samples were added since the last save (no-op when read-only). */
  public synchronized void save() throws IOException {
    if (!dirty || file.isEmpty()) {
      return;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(VERSION);
    out.writeInt(rings.size());
    for (Map.Entry<String, Deque<UsageSample>> ring : rings.entrySet()) {
      byte[] name = ring.getKey().getBytes(StandardCharsets.UTF_8);
      out.writeShort(name.length);
      out.write(name);
      out.writeInt(ring.getValue().size());
      for (UsageSample sample : ring.getValue()) {
        out.writeLong(sample.at().getEpochSecond());
        out.writeLong(sample.usedBytes());
      }
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes.toByteArray());
    out.writeInt((int) crc.getValue());
    AtomicFile.write(file.get(), bytes.toByteArray());
    dirty = false;
  }

  private void load(Path path) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return;
    }
    try {
      CRC32C crc = new CRC32C();
      crc.update(bytes, 0, Math.max(0, bytes.length - 4));
      ByteBuffer in = ByteBuffer.wrap(bytes);
      if (bytes.length < 9 || (int) crc.getValue() != in.getInt(bytes.length - 4) || in.get() != VERSION) {
        throw new IOException("checksum or version mismatch");
      }
      int volumes = in.getInt();
      for (int v = 0; v < volumes; v++) {
        byte[] name = new byte[in.getShort() & 0xffff];
        in.get(name);
        Deque<UsageSample> ring = new ArrayDeque<>();
        int count = in.getInt();
        for (int i = 0; i < count; i++) {
          ring.addLast(new UsageSample(Instant.ofEpochSecond(in.getLong()), in.getLong()));
        }
        while (ring.size() > window.capacity()) {
          ring.removeFirst();
        }
        rings.put(new String(name, StandardCharsets.UTF_8), ring);
      }
    } catch (IOException | BufferUnderflowException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      rings.clear();
      if (file.isPresent()) {
        Files.move(path, path.resolveSibling(FILE + ".damaged"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      LOG.error("health: {} is damaged ({}); growth forecasts start over", path, e.getMessage());
    }
  }
}
