package dev.cairn.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentMainTest {

  @Test
  void runConfig_agentRunWithOrWithoutConfig_givesTheConfig() {
    assertThat(AgentMain.runConfig(new String[] {"agent", "run", "/tmp/a.yml"})).isEqualTo(Path.of("/tmp/a.yml"));
    assertThat(AgentMain.runConfig(new String[] {"agent", "run"})).isEqualTo(Path.of("/etc/cairn/agent.yml"));
  }

  @Test
  void runConfig_helpOptionsOrOtherCommands_leavesThemToPicocli() {
    assertThat(AgentMain.runConfig(new String[] {"agent", "run", "--help"})).isNull();
    assertThat(AgentMain.runConfig(new String[] {"agent", "--help"})).isNull();
    assertThat(AgentMain.runConfig(new String[] {"agent"})).isNull();
    assertThat(AgentMain.runConfig(new String[] {"agent", "run", "a.yml", "b.yml"})).isNull();
    assertThat(AgentMain.runConfig(new String[] {"agent", "runs", "a.yml"})).isNull();
    assertThat(AgentMain.runConfig(new String[] {"snapshot", "run"})).isNull();
    assertThat(AgentMain.runConfig(new String[0])).isNull();
  }
}
