package dev.cairn.agent.daemon;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <stateDir>/agent.lock}, held while an agent runs, so two agents never
 * share one outbox or inbox. The operating system drops it when the process dies, also on kill -9.
 */
final class StateLock implements Closeable {

  private final FileChannel channel;
  private final FileLock lock;

  private StateLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static StateLock acquire(Path stateDir) throws AgentStartException {
    Path file = stateDir.resolve("agent.lock");
    try {
      Files.createDirectories(stateDir);
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new AgentStartException("another agent is running with state directory " + stateDir
            + "; stop it first, or give this agent its own stateDir", null);
      }
      return new StateLock(channel, lock);
    } catch (IOException e) {
      throw new AgentStartException("cannot use state directory " + stateDir + ": " + e.getMessage()
          + "; check that it is writable by the agent's user", e);
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
