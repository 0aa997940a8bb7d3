package dev.cairn.cli.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cairn} run as its own process from the shaded jar ({@code target/cairn.jar}, built by
 * {@code package} before the ITs) — {@code cairn agent} from the agent's slim class path, as
 * {@code bin/cairn} runs it — with the JVM options {@code bin/cairn} uses for the command, so tests
 * can SIGKILL and SIGINT it like an operator would.
 */
public final class CairnProcess implements AutoCloseable {

  private static final Path JAR = Path.of("target", "cairn.jar");
  private static final Path LAUNCHER = Path.of("..", "bin", "cairn");
  /**
   * bin/cairn's AGENT_CLASSPATH: this module's target/agent-lib, then the agent module's
   * target/daemon-lib; its JOBS_CLASSPATH has the agent module's target/lib instead.
   */
  private static final Path AGENT_LIB = Path.of("target", "agent-lib");
  private static final Path AGENT_DEPENDENCIES = Path.of("..", "agent", "target", "daemon-lib");
  private static final Path JOB_DEPENDENCIES = Path.of("..", "agent", "target", "lib");

  private final Process process;
  private final Path log;

  private CairnProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code cairn ARGS...}, stdout and stderr to {@code log}. */
  public static CairnProcess start(Path log, String... args) throws IOException {
    return start(log, java.util.Map.of(), args);
  }

  /** Runs {@code cairn ARGS...} with extra environment variables to completion; returns exit code and output. */
  public static Result run(Path log, java.util.Map<String, String> environment, Duration timeout, String... args)
      throws IOException, InterruptedException {
    Files.deleteIfExists(log);
    CairnProcess process = start(log, environment, args);
    int exit = process.waitForExit(timeout);
    return new Result(exit, process.log());
  }

  /** How a finished {@code cairn} run ended. */
  public record Result(int exit, String output) {}

  /** Starts {@code cairn ARGS...} with extra environment variables, stdout and stderr to {@code log}. */
  public static CairnProcess start(Path log, java.util.Map<String, String> environment, String... args)
      throws IOException {
    if (!Files.isRegularFile(JAR)) {
      fail("no " + JAR.toAbsolutePath() + ": the ITs run after 'mvn package' builds it (mvn -B -ntp verify -pl cli -am)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(launcherOptions(args[0]));
    // bin/cairn's GC_LOCKER_OPTS below JDK 23 (it says why): the same options as pom.xml's test.gcLockerOpts,
    // which this test JVM runs with
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(option -> option.startsWith("-XX:")).forEach(command::add);
    if (args[0].equals("agent")) {
      if (!Files.isDirectory(AGENT_LIB) || !Files.isDirectory(AGENT_DEPENDENCIES)
          || !Files.isDirectory(JOB_DEPENDENCIES)) {
        fail("no " + AGENT_LIB.toAbsolutePath() + ", " + AGENT_DEPENDENCIES.toAbsolutePath() + " or "
            + JOB_DEPENDENCIES.toAbsolutePath()
            + ": 'mvn package' builds them (mvn -B -ntp verify -pl cli -am)");
      }
      command.add("-Dcairn.jobs.classpath=" + AGENT_LIB.toAbsolutePath().resolve("*") + java.io.File.pathSeparator
          + JOB_DEPENDENCIES.toAbsolutePath().normalize().resolve("*"));
      command.add("-Dcairn.jobs.mainClass=dev.cairn.cli.agent.JobProcessMain");
      command.add("-cp");
      command.add(AGENT_LIB.resolve("*") + java.io.File.pathSeparator + AGENT_DEPENDENCIES.resolve("*"));
      command.add("dev.cairn.cli.agent.AgentMain");
    } else {
      command.add("-jar");
      command.add(JAR.toString());
    }
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    Process process = builder.start();
    return new CairnProcess(process, log);
  }

  /** The per-command JVM options of {@code bin/cairn} (its {@code DEFAULTS} for the first argument). */
  static List<String> launcherOptions(String subcommand) throws IOException {
    Matcher matcher = Pattern.compile("^\\s*" + Pattern.quote(subcommand) + "\\)\\s+DEFAULTS=\"([^\"]*)\"",
        Pattern.MULTILINE).matcher(Files.readString(LAUNCHER));
    return matcher.find() ? List.of(matcher.group(1).trim().split("\\s+")) : List.of();
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  /** SIGKILL: the process gets no chance to clean up. */
  public void kill9() throws IOException, InterruptedException {
    signal("KILL");
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /**
   * Sends a signal by name ({@code INT}, {@code TERM}, {@code KILL}). SIGINT is checked first: a
   * process started with SIGINT ignored (a background job of a script, {@code (cmd &)}) passes that
   * on, and a JVM keeps an inherited ignore, so Ctrl-C could never stop it and the test would only
   * time out.
   */
  public void signal(String name) throws IOException, InterruptedException {
    if (name.equals("INT") && sigintIgnored(process.pid())) {
      fail("SIGINT is ignored by the process under test (SigIgn in /proc/" + process.pid() + "/status), inherited"
          + " from how the tests were started, e.g. as '(bin/test &)' from a script: run the tests in the foreground"
          + " or with '(bin/test) &'");
    }
    int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
    if (exit != 0) {
      throw new IOException("kill -" + name + " " + process.pid() + " failed with " + exit);
    }
  }

  private static boolean sigintIgnored(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0; // bit n-1 is signal n
      }
    }
    return false;
  }

  /** Waits for the exit code; fails the test if the process does not exit in time. */
  public int waitForExit(Duration timeout) throws InterruptedException, IOException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      fail("cairn did not exit within " + timeout + "; its log:\n" + log());
    }
    return process.exitValue();
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      kill9();
    }
  }
}
