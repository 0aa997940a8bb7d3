package dev.cairn.agent.snapshot;

import dev.cairn.agent.repository.Node;
import dev.cairn.agent.volume.RestoreTarget;
import dev.cairn.agent.volume.SparseWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One regular file being restored: opened on its first write, closed and given its metadata
 * after its last blob (a large file through {@link WriteBack}, which first syncs it). Thread-safe
 * (blobs of one file may be written by several workers).
 */
final class FileTask {

  final Path path;
  final String rel;
  final Node node;
  private final RestoreTarget target;
  private final WriteBack writeBack;
  private final AtomicInteger remaining;
  private FileChannel channel;
  private volatile String damage;

  /** {@code writeBack} null: the file is completed on the thread that writes its last blob. */
  FileTask(RestoreTarget target, WriteBack writeBack, Path path, String rel, Node node, int blobs) {
    this.target = target;
    this.writeBack = writeBack;
    this.path = path;
    this.rel = rel;
    this.node = node;
    this.remaining = new AtomicInteger(blobs);
  }

  /** Writes one blob's plaintext at its offset; completes the file after the last one. */
  void write(long offset, byte[] plain, int len) throws IOException {
    SparseWriter.write(channel(), offset, plain, 0, len);
    done();
  }

  /** Records a blob that cannot be restored (the file gets a hole there). */
  void damaged(String why) throws IOException {
    if (damage == null) {
      damage = why;
    }
    channel();
    done();
  }

  String damage() {
    return damage;
  }

  private synchronized FileChannel channel() throws IOException {
    if (channel == null) {
      channel = target.file(path);
    }
    return channel;
  }

  private void done() throws IOException {
    if (remaining.decrementAndGet() == 0) {
      finish();
    }
  }

  /** Sets the final length (a trailing hole); closes and applies metadata, after a sync if large. */
  void finish() throws IOException {
    FileChannel ch = channel();
    try {
      if (ch.size() < node.size()) {
        ch.write(ByteBuffer.wrap(new byte[1]), node.size() - 1);
      }
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (writeBack != null && node.size() >= WriteBack.LARGE) {
      writeBack.submit(this, ch);
    } else {
      complete(ch);
    }
  }

  /** Closes the file and applies its metadata (on the write-back thread for a large file). */
  void complete(FileChannel ch) throws IOException {
    ch.close();
    target.metadata(path, node);
  }
}
