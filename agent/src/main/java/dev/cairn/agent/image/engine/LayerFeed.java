package dev.cairn.agent.image.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.agent.image.archive.ImportListener;
import dev.cairn.agent.image.archive.LayerStack;
import dev.cairn.agent.image.cache.BlobStore;
import dev.cairn.agent.image.cache.Progress;
import dev.cairn.agent.image.cache.StagedBlob;
import dev.cairn.agent.image.oci.ChainIds;
import dev.cairn.agent.image.oci.Digest;
import dev.cairn.agent.image.oci.OciJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Sends the layers of a {@code docker save} archive to the engine while the cache imports it, each
 * as soon as the import has verified it, bottom first: the engine registers layer n while the cache
 * reads layer n+1, instead of starting only once the whole archive is imported. Each
 * {@code POST /images/load} carries every layer verified by then as an untagged <em>partial
 * image</em> — a config listing only the diff ids up to its top layer, labelled {@value
 * #PARTIAL_LABEL} — with the layers below listed but not sent (the engine has them); the request
 * with the image's top layer carries the image's own config instead, so the engine ends up holding
 * the image itself, untagged. A partial image is removed as soon as the next one holds its layers.
 * After {@link #finish()} the image stays (the load from the cache then only tags it);
 * {@link #abort()} removes the partial images and the image, and the engine drops their layers:
 * nothing is tagged, nothing is left. Only verified bytes are sent, and the engine checks each
 * layer against its diff id again. If anything fails here the feed stops and the image is loaded
 * from the cache as usual. Thread-safe.
 */
public final class LayerFeed implements ImportListener, AutoCloseable {

  /** Label of the partial images in the engine (value: the config's path in the archive). */
  public static final String PARTIAL_LABEL = "dev.cairn.image.partial";

  /**
   * A load request smaller than this waits for the next layer to be verified (unless it has the
   * top layer): measured, the 2 MB base layer of the benchmark image sent alone cost a request.
   */
  static final long MIN_BATCH_BYTES = 16L << 20;

  private final Supplier<DockerEngine> engines;
  private final BlobStore blobs;
  private final long minBatchBytes;
  private final Thread thread;
  private final Object lock = new Object();
  private final Map<String, StagedBlob> verified = new HashMap<>();
  private final Map<Digest, long[]> sent = new HashMap<>();
  private final List<Digest> partials = new ArrayList<>();
  private final Set<Digest> whole = new HashSet<>();
  private List<LayerStack> stacks;
  private boolean importEnded;
  private boolean aborted;
  private DockerEngine engine;

  private LayerFeed(Supplier<DockerEngine> engines, BlobStore blobs, long minBatchBytes) {
    this.engines = engines;
    this.blobs = blobs;
    this.minBatchBytes = minBatchBytes;
    this.thread = new Thread(this::run, "engine-feed");
    thread.setDaemon(true);
  }

  /** Starts the feed's thread, which connects to the engine while the import begins. */
  public static LayerFeed start(Supplier<DockerEngine> engine, BlobStore blobs) {
    return start(engine, blobs, MIN_BATCH_BYTES);
  }

  /** As {@link #start(Supplier, BlobStore)}, a load request smaller than {@code minBatchBytes} waiting for the next layer. */
  static LayerFeed start(Supplier<DockerEngine> engine, BlobStore blobs, long minBatchBytes) {
    LayerFeed feed = new LayerFeed(engine, blobs, minBatchBytes);
    feed.thread.start();
    return feed;
  }

  @Override
  public void planned(List<LayerStack> planned) {
    synchronized (lock) {
      stacks = List.copyOf(planned);
      lock.notifyAll();
    }
  }

  @Override
  public void verified(String name, StagedBlob blob) {
    synchronized (lock) {
      verified.put(name, blob);
      lock.notifyAll();
    }
  }

  /**
   * The import succeeded: sends what is left to send and waits until it is in the engine. An image
   * the feed sent whole (untagged) stays in the engine from now on: {@link #close()} leaves it.
   */
  public void finish() {
    synchronized (lock) {
      importEnded = true;
      lock.notifyAll();
    }
    join();
    synchronized (lock) {
      partials.removeAll(whole);
    }
  }

  /** The import failed: stops sending and removes the partial images, so the engine drops their layers. */
  public void abort() {
    synchronized (lock) {
      aborted = true;
      lock.notifyAll();
    }
    join();
    removePartials();
  }

  /**
   * {@code report} (of loading the real image after the feed) with the layers and bytes the feed
   * sent for that image counted as sent rather than skipped, and an image the feed sent whole
   * counted as loaded rather than found in the engine; {@code report} itself when the feed sent
   * nothing of it.
   */
  public LoadReport merged(LoadReport report) {
    long[] fed;
    boolean sentWhole;
    synchronized (lock) {
      fed = sent.get(report.imageId());
      sentWhole = whole.contains(report.imageId());
    }
    if (fed == null || report.alreadyPresent() && !sentWhole) {
      return report;
    }
    int layers = (int) Math.min(fed[0], report.layersSkipped());
    return new LoadReport(report.image(), report.imageId(), false, report.layersSent() + layers,
        report.layersSkipped() - layers, report.bytesSent() + fed[1]);
  }

  /** Stops the feed if it still runs and removes the partial images left in the engine. */
  @Override
  public void close() {
    abort();
  }

  private void run() {
    try {
      DockerEngine docker = engines.get();
      synchronized (lock) {
        engine = docker;
      }
      Set<Digest> present = docker.layerChains();
      for (LayerStack stack : awaitPlan()) {
        if (!feed(docker, stack, present)) {
          return;
        }
      }
    } catch (EngineException | IOException | RuntimeException e) {
      // the real load after the import sends from the cache whatever the engine still lacks
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Sends the layers of one image the engine lacks, each load carrying every layer verified by then,
   * two loads in flight (see {@link PartialUpload});
   * false when the import ended or failed first.
   */
  private boolean feed(DockerEngine docker, LayerStack stack, Set<Digest> present)
      throws IOException, EngineException, InterruptedException {
    StagedBlob config = await(stack.config());
    if (config == null) {
      return false; // the config is verified before any layer is used
    }
    List<Digest> chains = ChainIds.of(stack.diffIds());
    PartialUpload inFlight = null;
    Digest loaded = null; // the newest partial image the engine holds whole
    Digest sending = null;
    try {
      int k = 0;
      while (k < chains.size()) {
        if (present.contains(chains.get(k))) {
          k++;
          continue;
        }
        List<StagedBlob> batch = batch(stack, chains, present, k);
        if (batch == null) {
          return false;
        }
        // the batch with the top layer carries the image's own config: the engine then holds the
        // (untagged) image itself, and the load after the import only tags it (one request fewer)
        boolean top = k + batch.size() == chains.size();
        byte[] partial = top ? null : partialConfig(stack, k + batch.size());
        Digest id = top ? config.digest() : Digest.of(partial);
        PartialUpload upload = top
            ? start(docker, id, open(config), config.size(), chains, k, batch, inFlight)
            : start(docker, id, new ByteArrayInputStream(partial), partial.length, chains, k, batch, inFlight);
        if (top) {
          synchronized (lock) {
            whole.add(id);
          }
        }
        if (inFlight != null) {
          inFlight.await();
          loaded = replace(docker, loaded, sending);
        }
        inFlight = upload;
        sending = id;
        for (StagedBlob layer : batch) {
          present.add(chains.get(k++));
          if (layer != null) {
            synchronized (lock) {
              long[] counts = sent.computeIfAbsent(config.digest(), d -> new long[2]);
              counts[0]++;
              counts[1] += layer.size();
            }
          }
        }
      }
      if (inFlight != null) {
        PartialUpload last = inFlight;
        inFlight = null;
        last.await();
        replace(docker, loaded, sending);
      }
      return true;
    } finally {
      if (inFlight != null) {
        try {
          inFlight.await(); // cut at its end if the one before failed; removed with the partials
        } catch (EngineException e) {
          // already failing
        }
      }
    }
  }

  /**
   * The layers of the next load request from layer {@code k} on (null: the engine has it): layer
   * {@code k}, once verified, and every layer above it verified by then; a request under
   * {@code minBatchBytes} waits for the next layer (each request costs the engine a fixed time: a
   * small base layer alone is not worth one). Null when the import ended or failed first.
   */
  private List<StagedBlob> batch(LayerStack stack, List<Digest> chains, Set<Digest> present, int k)
      throws InterruptedException {
    StagedBlob first = await(stack.layers().get(k));
    if (first == null) {
      return null;
    }
    List<StagedBlob> batch = new ArrayList<>(List.of(first));
    long bytes = first.size();
    while (k + batch.size() < chains.size()) {
      int i = k + batch.size();
      if (present.contains(chains.get(i))) {
        batch.add(null);
        continue;
      }
      boolean wait = bytes < minBatchBytes;
      StagedBlob next = wait ? await(stack.layers().get(i)) : verifiedNow(stack.layers().get(i));
      if (next == null) {
        if (wait) {
          return null;
        }
        break;
      }
      batch.add(next);
      bytes += next.size();
    }
    return batch;
  }

  /** {@code newer} is in the engine whole: the partial image below it can go. Returns {@code newer}. */
  private Digest replace(DockerEngine docker, Digest older, Digest newer) {
    if (older != null && !older.equals(newer)) {
      remove(docker, older); // its layers are now held by the newer partial image
    }
    return newer;
  }

  /** Starts loading the layers {@code batch} (null: the engine has it) from {@code k} on. */
  private PartialUpload start(DockerEngine docker, Digest id, InputStream config, long configSize, List<Digest> chains,
      int k, List<StagedBlob> batch, PartialUpload before) throws IOException {
    List<DockerSaveStream.Layer> layers = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      layers.add(new DockerSaveStream.Layer(chains.get(i), null, 0));
    }
    for (StagedBlob layer : batch) {
      layers.add(layer == null
          ? new DockerSaveStream.Layer(chains.get(layers.size()), null, 0)
          : new DockerSaveStream.Layer(chains.get(layers.size()), open(layer), layer.size()));
    }
    synchronized (lock) {
      partials.add(id); // before the load: a load cut short may still have registered it
    }
    DockerSaveStream stream =
        DockerSaveStream.of(id, config, configSize, layers, List.of(), Progress.NONE);
    return PartialUpload.start(docker, stream, stream.total(), before);
  }

  /** The staged file, or the cache's blob once the commit has moved it there (or the cache had it). */
  private InputStream open(StagedBlob blob) throws IOException {
    if (blob.written()) {
      try {
        return Files.newInputStream(blob.file());
      } catch (NoSuchFileException e) {
        // committed meanwhile: renamed to its content address
      }
    }
    return blobs.open(blob.digest());
  }

  /** A config with the first {@code layers} diff ids of {@code stack}, labelled as partial. */
  static byte[] partialConfig(LayerStack stack, int layers) throws IOException {
    ObjectNode config = OciJson.MAPPER.createObjectNode();
    if (!stack.architecture().isEmpty()) {
      config.put("architecture", stack.architecture());
    }
    config.put("os", stack.os());
    config.putObject("config").putObject("Labels").put(PARTIAL_LABEL, stack.config());
    ArrayNode diffIds = config.putObject("rootfs").put("type", "layers").putArray("diff_ids");
    stack.diffIds().subList(0, layers).forEach(diff -> diffIds.add(diff.toString()));
    return OciJson.bytes(config);
  }

  private List<LayerStack> awaitPlan() throws InterruptedException {
    synchronized (lock) {
      while (stacks == null && !aborted && !importEnded) {
        lock.wait();
      }
      return aborted || stacks == null ? List.of() : stacks;
    }
  }

  /** The verified entry {@code name}; null if the import failed, or ended without it. */
  private StagedBlob await(String name) throws InterruptedException {
    synchronized (lock) {
      while (!aborted && !importEnded && !verified.containsKey(name)) {
        lock.wait();
      }
      return aborted ? null : verified.get(name);
    }
  }

  private StagedBlob verifiedNow(String name) {
    synchronized (lock) {
      return aborted ? null : verified.get(name);
    }
  }

  private void join() {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void removePartials() {
    List<Digest> left;
    DockerEngine docker;
    synchronized (lock) {
      left = List.copyOf(partials);
      partials.clear();
      docker = engine;
    }
    for (Digest id : left) {
      if (docker != null) {
        remove(docker, id);
      }
    }
  }

  private void remove(DockerEngine docker, Digest id) {
    synchronized (lock) {
      partials.remove(id);
    }
    try {
      docker.remove(id.toString());
    } catch (EngineException e) {
      // left untagged in the engine, labelled PARTIAL_LABEL; `docker image prune` removes it
    }
  }
}
