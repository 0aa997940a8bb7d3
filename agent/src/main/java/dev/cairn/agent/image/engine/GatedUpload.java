package dev.cairn.agent.image.engine;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Sends a {@code docker save} archive file to the engine while the cache imports the same file,
 * holding back the bytes from {@code gate} on — a point inside the archive's last file entry — until
 * the import has verified everything. {@link #release()} sends the rest; {@link #abort()} cuts the
 * connection instead, so the engine sees a truncated archive and loads nothing. The engine only
 * acts on an archive it has received whole, so nothing unverified is ever loaded.
 */
public final class GatedUpload {

  private final CountDownLatch decided = new CountDownLatch(1);
  private volatile boolean released;
  private final FutureTask<Void> task;

  private GatedUpload(DockerEngine engine, Path archive, long gate) throws IOException {
    long length = Files.size(archive);
    InputStream file = Files.newInputStream(archive);
    InputStream gated = new FilterInputStream(file) {
      private long position;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (position >= gate) {
          awaitDecision();
        } else {
          len = (int) Math.min(len, gate - position);
        }
        int n = in.read(b, off, len);
        position += Math.max(n, 0);
        return n;
      }

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }
    };
    this.task = new FutureTask<>(() -> {
      try (InputStream in = gated) {
        engine.load(in, length);
      }
      return null;
    });
  }

  /** Starts sending {@code archive} on a background thread, up to {@code gate}. */
  public static GatedUpload start(DockerEngine engine, Path archive, long gate) throws IOException {
    GatedUpload upload = new GatedUpload(engine, archive, gate);
    Thread thread = new Thread(upload.task, "engine-upload");
    thread.setDaemon(true);
    thread.start();
    return upload;
  }

  private void awaitDecision() throws IOException {
    try {
      decided.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while holding back the end of the upload", e);
    }
    if (!released) {
      throw new IOException("upload aborted: the import rejected the archive");
    }
  }

  /** Lets the rest of the archive go; returns at once. */
  public void open() {
    released = true;
    decided.countDown();
  }

  /** Lets the rest of the archive go and waits for the engine's verdict. */
  public void release() throws EngineException {
    open();
    try {
      task.get(1, TimeUnit.HOURS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof EngineException engineFailure
          ? engineFailure
          : new EngineException("uploading the archive to the engine failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("interrupted while the engine loaded the archive", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new EngineException("the engine did not finish loading the archive within an hour", e);
    }
  }

  /** Cuts the upload short; the engine loads nothing. Waits until the connection is closed. */
  public void abort() {
    decided.countDown();
    try {
      task.get(1, TimeUnit.MINUTES);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      // expected: the engine refused the truncated archive
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
