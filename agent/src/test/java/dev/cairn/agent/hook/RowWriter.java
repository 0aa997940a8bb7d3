package dev.cairn.agent.hook;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A thread that inserts rows {@code 1, 2, 3, ...} into {@code t(id, payload)} one autocommit
 * transaction at a time and remembers the last id whose commit the server acknowledged.
 */
final class RowWriter implements AutoCloseable {

  /** The payload of row {@code id}, as SQL over a column named {@code id} or a literal. */
  static String payloadSql(String id) {
    return "md5(" + id + "::text) || repeat('x', 400)";
  }

  private final AtomicLong committed = new AtomicLong();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final Thread thread;

  RowWriter(PostgresServer server) {
    thread = new Thread(() -> {
      try (PostgresServer.Session session = server.session()) {
        for (long id = 1; !stop.get(); id++) {
          String returned = session.query("INSERT INTO t VALUES (" + id + ", " + payloadSql(String.valueOf(id))
              + ") RETURNING id");
          if (Long.parseLong(returned) != id) {
            throw new IllegalStateException("insert " + id + " returned " + returned);
          }
          committed.set(id); // psql prints the row only after the autocommit transaction committed
        }
      } catch (Exception e) {
        failure.set(e);
      }
    }, "pg-writer");
    thread.start();
  }

  /** The last id whose commit was acknowledged. */
  long committed() {
    return committed.get();
  }

  /** Waits until at least {@code rows} rows are committed (or the writer died). */
  RowWriter awaitRows(long rows) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (committed.get() < rows) {
      if (!thread.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("the writer committed only " + committed.get() + " rows: " + failure.get());
      }
      Thread.sleep(20);
    }
    return this;
  }

  /** Waits until the writer committed more than {@code rows}: it is running (again). */
  void awaitMoreThan(long rows) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (committed.get() <= rows && thread.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  Exception failure() {
    return failure.get();
  }

  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    thread.join(30_000);
  }
}
