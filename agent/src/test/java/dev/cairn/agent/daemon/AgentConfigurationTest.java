package dev.cairn.agent.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigurationTest {

  private static final String FINGERPRINT = "sha256:" + "ab".repeat(32);

  @TempDir Path dir;

  @Test
  void load_fullFile_readsEveryKeyAndResolvesRelativePathsAgainstTheFile() throws Exception {
    Path file = dir.resolve("agent.yml");
    Files.writeString(file, """
        controller: 10.0.0.5:7443
        nodeName: node-7
        stateDir: state
        baseDir: /srv/ai-q
        enrollment:
          token: secret-token
          caFingerprint: %s
        health:
          intervalSeconds: 15
          warningPercent: 70
          criticalPercent: 85
        outbox:
          budgetMiB: 32
        link:
          reconnectInitialMillis: 500
          reconnectMaxMillis: 5000
        """.formatted(FINGERPRINT));
    AgentConfiguration configuration = AgentConfiguration.load(file);
    assertThat(configuration.controller()).isEqualTo("10.0.0.5:7443");
    assertThat(configuration.nodeName()).isEqualTo("node-7");
    assertThat(configuration.stateDir()).isEqualTo(dir.resolve("state"));
    assertThat(configuration.baseDir()).isEqualTo(Path.of("/srv/ai-q"));
    assertThat(configuration.enrollment()).hasValueSatisfying(e -> {
      assertThat(e.token()).isEqualTo("secret-token");
      assertThat(e.fingerprint().toString()).isEqualTo(FINGERPRINT);
      assertThat(e.nodeName()).isEqualTo("node-7");
    });
    assertThat(configuration.healthInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(configuration.thresholds().warningPercent()).isEqualTo(70);
    assertThat(configuration.outboxOptions().budgetBytes()).isEqualTo(32L << 20);
    assertThat(configuration.linkOptions().initialBackoff()).isEqualTo(Duration.ofMillis(500));
    assertThat(configuration.linkOptions().window()).isEqualTo(64);
  }

  @Test
  void load_onlyTheController_usesTheDefaults() throws Exception {
    Path file = dir.resolve("agent.yml");
    Files.writeString(file, "controller: ctl.example:7443\n");
    AgentConfiguration configuration = AgentConfiguration.load(file);
    assertThat(configuration.baseDir()).isEqualTo(Path.of("/opt/ai-q"));
    assertThat(configuration.stateDir()).isEqualTo(Path.of("/var/lib/cairn/agent"));
    assertThat(configuration.healthInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(configuration.thresholds().criticalPercent()).isEqualTo(90);
    assertThat(configuration.enrollment()).isEmpty();
    assertThat(configuration.nodeName()).isNotBlank();
  }

  @Test
  void load_severalMistakes_listsEveryProblemWithWhatToDo() throws Exception {
    Path file = dir.resolve("agent.yml");
    Files.writeString(file, """
        controller: no-port
        nodeName: "bad name"
        enrollment:
          token: t
        health:
          warningPercent: 95
          criticalPercent: 90
        """);
    assertThatThrownBy(() -> AgentConfiguration.load(file))
        .isInstanceOf(AgentConfigurationException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("controller: 'no-port' is not host:port")
        .hasMessageContaining("nodeName: 'bad name'")
        .hasMessageContaining("token and caFingerprint go together")
        .hasMessageContaining("warningPercent");
  }

  @Test
  void load_wrongTypes_namesEachKeyAndWhatItMustBe() throws Exception {
    Path file = dir.resolve("agent.yml");
    Files.writeString(file, "controller: a:1\nhealth:\n  intervalSeconds: soon\noutbox: 12\n");
    assertThatThrownBy(() -> AgentConfiguration.load(file))
        .isInstanceOf(AgentConfigurationException.class)
        .hasMessageContaining("health.intervalSeconds: must be a whole number, not 'soon'")
        .hasMessageContaining("outbox: must be a mapping of keys");
  }

  @Test
  void load_notYaml_saysSo() throws Exception {
    Path file = dir.resolve("agent.yml");
    Files.writeString(file, "controller: [unclosed\n");
    assertThatThrownBy(() -> AgentConfiguration.load(file))
        .isInstanceOf(AgentConfigurationException.class)
        .hasMessageContaining("is not valid YAML");
  }

  @Test
  void load_unknownKey_namesItAndTheKnownKeys() throws Exception {
    Path file = dir.resolve("agent.yml");
    Files.writeString(file, "controller: a:1\ncontroler: typo:2\n");
    assertThatThrownBy(() -> AgentConfiguration.load(file))
        .isInstanceOf(AgentConfigurationException.class)
        .hasMessageContaining("controler: unknown key")
        .hasMessageContaining("controller");
  }

  @Test
  void load_missingFile_saysSo() {
    assertThatThrownBy(() -> AgentConfiguration.load(dir.resolve("nope.yml")))
        .isInstanceOf(AgentConfigurationException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void load_badFingerprint_explainsTheFormat() throws Exception {
    Path file = dir.resolve("agent.yml");
    Files.writeString(file, "controller: a:1\nenrollment:\n  token: t\n  caFingerprint: md5:00\n");
    assertThatThrownBy(() -> AgentConfiguration.load(file))
        .hasMessageContaining("enrollment.caFingerprint")
        .hasMessageContaining("sha256:");
  }

  @Test
  void load_backupAndSchedules_readsThemOverTheDefaults() throws Exception {
    Path file = dir.resolve("agent.yml");
    Files.writeString(file, """
        controller: a:1
        stateDir: state
        baseDir: /srv/ai-q
        backup:
          passwordFile: secrets/repo.pw
          volumes: [gitea-data, data]
        schedules:
          timeZone: Asia/Tokyo
          verifyReadDataPercent: 20
          cron:
            daily: "15 1 * * *"
            rotate-logs: "off"
        """);
    AgentConfiguration configuration = AgentConfiguration.load(file);
    var backup = configuration.backupSettings();
    assertThat(backup.repository()).isEqualTo("/srv/ai-q/backups/repo");
    assertThat(backup.archive()).isEqualTo("/srv/ai-q/archives/repo");
    assertThat(backup.passwordFile()).isEqualTo(dir.resolve("secrets/repo.pw"));
    assertThat(backup.archivePasswordFile()).isEqualTo(dir.resolve("state/backup/archive.password"));
    assertThat(backup.volumes()).containsExactly("gitea-data", "data");
    assertThat(backup.zone()).isEqualTo(java.time.ZoneId.of("Asia/Tokyo"));
    var schedules = configuration.scheduleSettings();
    assertThat(schedules.schedules()).extracting(s -> s.name())
        .containsExactly("incremental", "daily", "weekly", "monthly", "restore-test", "verify");
    assertThat(schedules.schedules().get(1).cron().expression()).isEqualTo("15 1 * * *");
    assertThat(schedules.verifyReadDataPercent()).isEqualTo(20);
    assertThat(schedules.logDirectory()).isEqualTo(Path.of("/srv/ai-q/logs/cairn"));
  }

  @Test
  void load_badScheduleSettings_namesEachProblem() throws Exception {
    Path file = dir.resolve("agent.yml");
    Files.writeString(file, """
        controller: a:1
        schedules:
          cron:
            hourly: "0 * * * *"
        """);
    assertThatThrownBy(() -> AgentConfiguration.load(file))
        .hasMessageContaining("schedules.cron.hourly: unknown key");
    Files.writeString(file, "controller: a:1\nschedules:\n  timeZone: Mars/Olympus\n");
    assertThatThrownBy(() -> AgentConfiguration.load(file))
        .hasMessageContaining("schedules.timeZone: 'Mars/Olympus' is not a time zone");
    Files.writeString(file, "controller: a:1\nschedules:\n  cron:\n    daily: \"0 25 * * *\"\n");
    assertThatThrownBy(() -> AgentConfiguration.load(file))
        .hasMessageContaining("schedules: daily: '0 25 * * *' is not a cron expression");
  }

  @Test
  void load_dockerAndImages_readsHostAndAlias() throws Exception {
    Path file = dir.resolve("agent.yml");
    Files.writeString(file, "controller: a:1\ndocker:\n  host: unix:///run/d.sock\nimages:\n  alias: latest\n");
    AgentConfiguration configuration = AgentConfiguration.load(file);
    assertThat(configuration.dockerHost()).hasValue("unix:///run/d.sock");
    assertThat(configuration.imageSettings().alias()).isEqualTo("latest");
  }

  @Test
  void load_noDockerSection_leavesTheHostToDockerHostAndTheAliasCurrent() throws Exception {
    Path file = dir.resolve("agent.yml");
    Files.writeString(file, "controller: a:1\n");
    AgentConfiguration configuration = AgentConfiguration.load(file);
    assertThat(configuration.dockerHost()).isEmpty();
    assertThat(configuration.imageSettings().alias()).isEqualTo("current");
  }

  @Test
  void load_badDockerHostAndAlias_namesBoth() throws Exception {
    Path file = dir.resolve("agent.yml");
    Files.writeString(file, "controller: a:1\ndocker:\n  host: /var/run/docker.sock\nimages:\n  alias: \"no way\"\n");
    assertThatThrownBy(() -> AgentConfiguration.load(file))
        .hasMessageContaining("docker.host: '/var/run/docker.sock' is neither unix:///path nor tcp://host:port")
        .hasMessageContaining("images.alias: 'no way'");
  }

  @Test
  void load_jobs_inJobProcessesByDefault_inProcessWhenAsked() throws Exception {
    Path file = dir.resolve("agent.yml");
    Files.writeString(file, "controller: a:1\nnodeName: n1\nstateDir: state\ndocker:\n  host: tcp://127.0.0.1:2375\n");
    AgentConfiguration defaults = AgentConfiguration.load(file);
    Files.writeString(file, "controller: a:1\njobs:\n  inProcess: true\n");
    AgentConfiguration inProcess = AgentConfiguration.load(file);
    Files.writeString(file, "controller: a:1\njobs:\n  inProcess: sometimes\n");

    assertThat(defaults.jobsInProcess()).isFalse();
    assertThat(defaults.jobEnvironment().backup()).isEqualTo(defaults.backupSettings());
    assertThat(defaults.jobEnvironment().backup().passwordFile()).isEqualTo(dir.resolve("state/backup/repository.password"));
    assertThat(defaults.jobEnvironment().dockerHost()).isEqualTo("tcp://127.0.0.1:2375");
    assertThat(inProcess.jobsInProcess()).isTrue();
    assertThatThrownBy(() -> AgentConfiguration.load(file)).hasMessageContaining("jobs.inProcess");
  }
}
