package dev.cairn.agent.image.engine;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One load stream sent to the engine on its own thread, holding back its last {@value #TAIL} bytes
 * (the tar's end-of-archive blocks) until the load {@code before} it has succeeded. The engine
 * unpacks the body meanwhile, but reads the archive's {@code manifest.json} and registers its
 * layer only once it has the end, when the layers below are registered: so the engine receives
 * one layer while it registers the one before. If {@code before} fails, the stream is cut there
 * and the engine loads nothing from it. Thread-safe.
 */
final class PartialUpload {

  /** The two zero blocks that end a tar. */
  static final int TAIL = 1024;

  private final CompletableFuture<Void> done = new CompletableFuture<>();

  private PartialUpload() {}

  /** Starts sending {@code stream} ({@code length} bytes) to {@code engine}; {@code before} may be null. */
  static PartialUpload start(DockerEngine engine, InputStream stream, long length, PartialUpload before) {
    PartialUpload upload = new PartialUpload();
    InputStream gated = before == null ? stream : new FilterInputStream(stream) {
      private long position;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        long gate = length - TAIL;
        if (position < gate) {
          len = (int) Math.min(len, gate - position);
        } else {
          before.awaitQuietly();
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
    Thread thread = new Thread(() -> {
      try (InputStream in = gated) {
        engine.load(in, length);
        upload.done.complete(null);
      } catch (Throwable e) {
        upload.done.completeExceptionally(e);
      }
    }, "engine-feed-upload");
    thread.setDaemon(true);
    thread.start();
    return upload;
  }

  /** Waits until the engine has loaded the stream. */
  void await() throws EngineException, InterruptedException {
    try {
      done.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof EngineException failure
          ? failure
          : new EngineException("sending a layer to the engine failed: " + e.getCause(), e.getCause());
    }
  }

  private void awaitQuietly() throws IOException {
    try {
      await();
    } catch (EngineException e) {
      throw new IOException("the load before this one failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while holding back the end of a load");
    }
  }
}
