package dev.cairn.cli.agent;

import dev.cairn.agent.job.child.JobMain;
import dev.cairn.cli.ConsoleLogging;

/**
 * Entry point of the agent's job processes as {@code bin/cairn} starts them (docs/agent-jobs.md):
 * the agent's log format on stderr, then {@link JobMain}.
 */
public final class JobProcessMain {

  private JobProcessMain() {}

  public static void main(String[] args) {
    ConsoleLogging.configure();
    JobMain.main(args);
  }
}
