package dev.cairn.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version baked into the jar's manifest. */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = CairnCommand.class.getPackage().getImplementationVersion();
    return new String[] {"cairn " + (version == null ? "development build" : version)};
  }
}
