package dev.cairn.agent.snapshot;

import dev.cairn.agent.repository.Repository;
import java.nio.file.Path;
import java.util.List;

/**
 * A separate JVM for fault-injection tests (killed with SIGKILL, or run without DAC capabilities):
 * {@code snapshot REPO SOURCE} or {@code prune REPO}. Exit status 0 done, 3 partial snapshot.
 */
public final class SnapshotChild {

  private SnapshotChild() {}

  public static void main(String[] args) throws Exception {
    Repository repo = TestRepositories.open(Path.of(args[1]));
    switch (args[0]) {
      case "snapshot" -> {
        SnapshotResult result = new SnapshotPipeline(repo, SnapshotOptions.of("vol", List.of(), "child"),
            SnapshotProgress.NONE).run(Path.of(args[2]));
        System.out.println("snapshot " + result.id() + " partial=" + result.partial());
        System.exit(result.partial() ? 3 : 0);
      }
      case "prune" -> {
        PruneReport report = new Pruner(repo).run();
        System.out.println("pruned " + report);
        System.exit(0);
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  /** Starts a child JVM with this test's class path, optionally behind a command prefix. */
  static Process start(List<String> prefix, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(prefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    // this test JVM's -XX options: pom.xml's test.gcLockerOpts below JDK 23 (bin/cairn's GC_LOCKER_OPTS says why)
    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(option -> option.startsWith("-XX:")).forEach(command::add);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SnapshotChild.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
