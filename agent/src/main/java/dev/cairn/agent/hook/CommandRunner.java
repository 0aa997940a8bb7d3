package dev.cairn.agent.hook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code command} step as a child process of the agent: no shell, stdin closed, stdout and
 * stderr into one bounded buffer. At the timeout the process and all its descendants are killed
 * (SIGKILL), so a hung hook cannot hold the snapshot. Thread-safe.
 */
final class CommandRunner {

  ProcessEnd run(HookStep.Command step, OutputStream output) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(step.argv()).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(step.env());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IOException("cannot start " + step.argv().get(0) + ": " + e.getMessage()
          + " (is it installed and on the agent's PATH? give an absolute path in the hook)", e);
    }
    Thread pump = new Thread(() -> copy(process.getInputStream(), output), "hook-output");
    pump.setDaemon(true);
    pump.start();
    try {
      if (!process.waitFor(step.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        pump.join(5_000);
        return ProcessEnd.timeout();
      }
      pump.join(5_000); // a daemonised grandchild may keep the pipe open: do not wait for it forever
      return ProcessEnd.exited(process.exitValue());
    } catch (InterruptedException e) {
      kill(process);
      throw e;
    }
  }

  private static void kill(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  private static void copy(InputStream in, OutputStream out) {
    byte[] buffer = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
      }
    } catch (IOException closed) {
      // the process was killed: what was read so far is kept
    }
  }
}
