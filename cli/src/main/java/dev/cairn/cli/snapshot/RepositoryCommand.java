package dev.cairn.cli.snapshot;

import dev.cairn.agent.backend.BackendConfigException;
import dev.cairn.agent.repository.JsonCodec;
import dev.cairn.agent.repository.RepositoryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the repository commands: runs {@link #execute()} and turns expected failures into a
 * one-line message and exit status 1 (no stack trace).
 */
abstract class RepositoryCommand implements Callable<Integer> {

  /** Exit status: the operation failed or found damage. */
  static final int FAILED = 1;

  @Spec CommandSpec spec;

  abstract int execute() throws Exception;

  @Override
  public final Integer call() {
    try {
      return execute();
    } catch (RepositoryException | BackendConfigException e) {
      return fail(e.getMessage());
    } catch (FileSystemException e) {
      return fail(describe(e));
    } catch (IOException e) {
      return fail(e.getMessage() == null ? e.toString() : diskFull(e.getMessage()));
    } catch (IllegalArgumentException e) {
      return fail(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private int fail(String message) {
    err().println("cairn " + spec.name() + ": " + message);
    err().flush();
    return FAILED;
  }

  private static String describe(FileSystemException e) {
    String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
    return diskFull(e.getFile() + ": " + reason);
  }

  private static String diskFull(String message) {
    return message.contains("No space left on device")
        ? message + " (the disk is full: free space or run 'cairn prune'; earlier snapshots are intact)"
        : message;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Prints a value as indented JSON. */
  void printJson(Object value) throws IOException {
    out().println(JsonCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
    out().flush();
  }
}
