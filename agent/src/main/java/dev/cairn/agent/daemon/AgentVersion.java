package dev.cairn.agent.daemon;

/** The agent's version, from the jar manifest ({@code development} when run from classes). */
public final class AgentVersion {

  private AgentVersion() {}

  public static String current() {
    String version = AgentVersion.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
