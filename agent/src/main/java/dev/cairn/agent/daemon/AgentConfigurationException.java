package dev.cairn.agent.daemon;

import java.util.List;

/** The agent's configuration file is missing, unreadable or invalid; the message lists every problem. */
public class AgentConfigurationException extends Exception {

  private static final long serialVersionUID = 1L;

  public AgentConfigurationException(String message) {
    super(message);
  }

  public AgentConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** One exception naming the source and listing each problem on its own line. */
  static AgentConfigurationException of(String source, List<String> problems) {
    return new AgentConfigurationException(source + " is not a valid agent configuration:\n  - "
        + String.join("\n  - ", problems));
  }
}
