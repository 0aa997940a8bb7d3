package dev.cairn.cli;

import dev.cairn.agent.daemon.AgentVersion;
import picocli.CommandLine.IVersionProvider;

/** Reports the version baked into the jar's manifest. */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"cairn " + AgentVersion.of("cairn-cli")};
  }
}
