package dev.cairn.agent.hook;

import dev.cairn.agent.image.testing.Commands;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL 15 server for tests, from the Debian binaries: its own data directory, listening
 * only on a Unix socket in a private directory (no TCP), started and stopped with {@code pg_ctl}.
 */
final class PostgresServer implements AutoCloseable {

  static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  private final ServiceUser user;
  private final Path data;
  private final Path socketDir;
  private final Path log;
  private final int port;
  private boolean running;

  private PostgresServer(ServiceUser user, Path data, Path socketDir, Path log, int port) {
    this.user = user;
    this.data = data;
    this.socketDir = socketDir;
    this.log = log;
    this.port = port;
  }

  /** Fails, naming the package and bin/test, unless the PostgreSQL 15 binaries are installed. */
  static void requireInstalled() {
    for (String tool : List.of("initdb", "pg_ctl", "postgres", "psql")) {
      if (!Files.isExecutable(BIN.resolve(tool))) {
        throw new AssertionError("PostgreSQL 15 is not installed (" + BIN.resolve(tool) + " is missing): run bin/test, "
            + "which installs the Debian package postgresql (postgresql-15)");
      }
    }
  }

  /** A new cluster in {@code base/NAME} (initdb; trust authentication, superuser {@code postgres}). */
  static PostgresServer init(ServiceUser user, Path base, String name, int port) throws IOException, InterruptedException {
    requireInstalled();
    Path parent = user.ownDirectory(base.resolve(name + "-parent"));
    Path data = parent.resolve("data");
    Commands.run(user.command(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
        "--auth=trust", "-E", "UTF8", "--no-instructions")));
    return on(user, base, name, data, port);
  }

  /** A server on an existing data directory (such as a restored snapshot). */
  static PostgresServer on(ServiceUser user, Path base, String name, Path data, int port) throws IOException {
    Path socketDir = user.ownDirectory(base.resolve(name + "-sock"));
    Path log = user.ownDirectory(base.resolve(name + "-log")).resolve("postgres.log");
    return new PostgresServer(user, data, socketDir, log, port);
  }

  Path data() {
    return data;
  }

  Path socketDir() {
    return socketDir;
  }

  int port() {
    return port;
  }

  String log() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** Starts it and waits until it accepts connections; fails with the server's log. */
  void start() throws IOException, InterruptedException {
    try {
      Commands.run(user.command(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(),
          "-w", "-t", "120", "-o", "-p " + port + " -k " + socketDir + " -c listen_addresses=''", "start")), 180);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\nserver log:\n" + log(), e);
    }
    running = true;
  }

  void stop() throws IOException, InterruptedException {
    if (running) {
      Commands.run(user.command(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w",
          "-t", "120", "stop")), 180);
      running = false;
    }
  }

  /** psql's argument vector for this server (as any local user: trust authentication). */
  List<String> psql(String... args) {
    List<String> argv = new ArrayList<>(List.of(BIN.resolve("psql").toString(), "-X", "-q", "-At", "-v",
        "ON_ERROR_STOP=1", "-h", socketDir.toString(), "-p", String.valueOf(port), "-U", "postgres", "-d", "postgres"));
    argv.addAll(List.of(args));
    return argv;
  }

  /** Runs one SQL text; returns psql's output. */
  String sql(String sql) throws IOException, InterruptedException {
    return Commands.run(psql("-c", sql)).trim();
  }

  /**
   * An interactive session: one statement a line. Without {@code -q}: psql flushes its output
   * only after the command tag, so each statement answers with its row and its tag.
   */
  Session session() throws IOException {
    List<String> argv = psql();
    argv.remove("-q");
    return new Session(new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT).start());
  }

  /** One psql process kept open; statements run in autocommit mode. Not thread-safe. */
  static final class Session implements AutoCloseable {
    private final Process process;
    private final Writer in;
    private final BufferedReader out;

    Session(Process process) {
      this.process = process;
      this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Runs a statement that returns one row of one column, and its command tag; returns the row (it is committed then). */
    String query(String sql) throws IOException {
      in.write(sql.replace('\n', ' ') + ";\n"); // psql runs a statement at its semicolon
      in.flush();
      String row = line(sql);
      line(sql); // the command tag, e.g. INSERT 0 1
      return row;
    }

    private String line(String sql) throws IOException {
      String line = out.readLine();
      if (line == null) {
        throw new IOException("psql ended (exit " + (process.isAlive() ? "?" : process.exitValue()) + ") on: " + sql);
      }
      return line;
    }

    @Override
    public void close() {
      process.destroy();
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    stop();
  }
}
