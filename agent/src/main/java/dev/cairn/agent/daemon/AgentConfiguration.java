package dev.cairn.agent.daemon;

import dev.cairn.agent.health.HealthThresholds;
import dev.cairn.agent.job.BackupSettings;
import dev.cairn.agent.job.child.JobEnvironment;
import dev.cairn.agent.image.ImageSettings;
import dev.cairn.agent.link.CaFingerprint;
import dev.cairn.agent.link.EnrollmentSettings;
import dev.cairn.agent.link.LinkOptions;
import dev.cairn.agent.outbox.OutboxOptions;
import dev.cairn.agent.retention.ForgetPolicy;
import dev.cairn.agent.schedule.InvalidScheduleException;
import dev.cairn.agent.schedule.ScheduleSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The agent's YAML configuration ({@code cairn agent run CONFIG.yml}); keys and defaults are in
 * {@code docs/operations.md}. Like a Dropwizard configuration it is the one mutable settings
 * class: {@link #parse} fills it (SnakeYAML Engine, not Jackson: a thousand fewer classes in the
 * agent's memory), {@link #validate} checks it, and the daemon reads typed values from it. Relative paths are resolved against the configuration file's directory. Not thread-safe;
 * not modified after start.
 */
public final class AgentConfiguration {

  private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  private static final Pattern TARGET = Pattern.compile("(\\[[0-9a-fA-F:]+\\]|[A-Za-z0-9._-]+):([0-9]{1,5})");

  private String controller;
  private String nodeName;
  private Path stateDir = Path.of("/var/lib/cairn/agent");
  private Path baseDir = Path.of("/opt/ai-q");
  private Enrollment enrollment = new Enrollment();
  private Health health = new Health();
  private Outbox outbox = new Outbox();
  private Link link = new Link();
  private Backup backup = new Backup();
  private Schedules schedules = new Schedules();
  private Docker docker = new Docker();
  private Images images = new Images();
  private Jobs jobs = new Jobs();

  /** {@code enrollment:} — only needed until the node has enrolled. */
  public static final class Enrollment {
    public String token;
    public String caFingerprint;
  }

  /** {@code health:} */
  public static final class Health {
    public long intervalSeconds = 60;
    public long walkIntervalSeconds = 900;
    public double warningPercent = HealthThresholds.DEFAULTS.warningPercent();
    public double criticalPercent = HealthThresholds.DEFAULTS.criticalPercent();
  }

  /** {@code outbox:} */
  public static final class Outbox {
    public long budgetMiB = OutboxOptions.DEFAULTS.budgetBytes() >> 20;
  }

  /** {@code link:} — reconnect timing; the defaults are those of docs/protocol.md. */
  public static final class Link {
    public long reconnectInitialMillis = LinkOptions.DEFAULTS.initialBackoff().toMillis();
    public long reconnectMaxMillis = LinkOptions.DEFAULTS.maxBackoff().toMillis();
  }

  /** {@code backup:} — where backups go; unset paths take the defaults of docs/schedules.md. */
  public static final class Backup {
    public String repository;
    public Path passwordFile;
    public String archive;
    public Path archivePasswordFile;
    public Path scratchDir;
    public List<String> volumes = List.of();
  }

  /** {@code schedules:} — cron expressions by schedule name and what the runs need. */
  public static final class Schedules {
    public boolean enabled = true;
    public String timeZone;
    public String retention = ForgetPolicy.GFS_DEFAULT;
    public double verifyReadDataPercent = 5;
    public Path logDirectory;
    public long logRetentionDays = 90;
    public Map<String, String> cron = Map.of();
  }

  /** {@code docker:} — the node's Docker engine, for the image commands. */
  public static final class Docker {
    /** {@code unix:///path} or {@code tcp://127.0.0.1:port}; null = {@code DOCKER_HOST}, else the default socket. */
    public String host;
  }

  /** {@code images:} — the image cache under {@code baseDir/cache/images}. */
  public static final class Images {
    public String alias = ImageSettings.DEFAULT_ALIAS;
  }

  /** {@code jobs:} — where backup and image jobs run (docs/agent-jobs.md). */
  public static final class Jobs {
    /** false (default): each job in a job process of its own; true: in the agent's process. */
    public boolean inProcess;
  }

  /**
   * Reads and validates a configuration file.
   *
   * @throws AgentConfigurationException naming the file and every problem found
   */
  public static AgentConfiguration load(Path file) throws AgentConfigurationException {
    String yaml;
    try {
      yaml = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new AgentConfigurationException("agent configuration " + file + " does not exist; see"
          + " docs/operations.md for an example");
    } catch (IOException e) {
      throw new AgentConfigurationException("cannot read agent configuration " + file + ": " + e.getMessage(), e);
    }
    AgentConfiguration configuration = parse(yaml, file.toString());
    configuration.resolveAgainst(file.toAbsolutePath().getParent());
    configuration.validate(file.toString());
    return configuration;
  }

  /** Parses YAML without validating (see {@link #validate}); unknown keys and wrong types are errors. */
  public static AgentConfiguration parse(String yaml, String source) throws AgentConfigurationException {
    Object document;
    try {
      document = new Load(LoadSettings.builder().setLabel(source).build()).loadFromString(yaml);
    } catch (YamlEngineException e) {
      throw new AgentConfigurationException(source + " is not valid YAML: " + e.getMessage(), e);
    }
    AgentConfiguration configuration = new AgentConfiguration();
    if (document == null) {
      return configuration;
    }
    List<String> problems = new ArrayList<>();
    YamlSection root = YamlSection.root(document, problems);
    root.allow("controller", "nodeName", "stateDir", "baseDir", "enrollment", "health", "outbox", "link", "backup",
        "schedules", "docker", "images", "jobs");
    configuration.controller = root.string("controller", null);
    configuration.nodeName = root.string("nodeName", null);
    configuration.stateDir = Path.of(root.string("stateDir", configuration.stateDir.toString()));
    configuration.baseDir = Path.of(root.string("baseDir", configuration.baseDir.toString()));
    YamlSection enrollment = root.section("enrollment");
    enrollment.allow("token", "caFingerprint");
    configuration.enrollment.token = enrollment.string("token", null);
    configuration.enrollment.caFingerprint = enrollment.string("caFingerprint", null);
    YamlSection health = root.section("health");
    health.allow("intervalSeconds", "walkIntervalSeconds", "warningPercent", "criticalPercent");
    configuration.health.intervalSeconds = health.integer("intervalSeconds", configuration.health.intervalSeconds);
    configuration.health.walkIntervalSeconds = health.integer("walkIntervalSeconds",
        configuration.health.walkIntervalSeconds);
    configuration.health.warningPercent = health.number("warningPercent", configuration.health.warningPercent);
    configuration.health.criticalPercent = health.number("criticalPercent", configuration.health.criticalPercent);
    YamlSection outbox = root.section("outbox");
    outbox.allow("budgetMiB");
    configuration.outbox.budgetMiB = outbox.integer("budgetMiB", configuration.outbox.budgetMiB);
    YamlSection link = root.section("link");
    link.allow("reconnectInitialMillis", "reconnectMaxMillis");
    configuration.link.reconnectInitialMillis = link.integer("reconnectInitialMillis",
        configuration.link.reconnectInitialMillis);
    configuration.link.reconnectMaxMillis = link.integer("reconnectMaxMillis", configuration.link.reconnectMaxMillis);
    configuration.parseBackup(root.section("backup"));
    configuration.parseSchedules(root.section("schedules"));
    YamlSection docker = root.section("docker");
    docker.allow("host");
    configuration.docker.host = docker.string("host", null);
    YamlSection images = root.section("images");
    images.allow("alias");
    configuration.images.alias = images.string("alias", configuration.images.alias);
    YamlSection jobs = root.section("jobs");
    jobs.allow("inProcess");
    configuration.jobs.inProcess = jobs.bool("inProcess", configuration.jobs.inProcess);
    if (!problems.isEmpty()) {
      throw AgentConfigurationException.of(source, problems);
    }
    return configuration;
  }

  private void parseBackup(YamlSection section) {
    section.allow("repository", "passwordFile", "archive", "archivePasswordFile", "scratchDir", "volumes");
    backup.repository = section.string("repository", null);
    backup.passwordFile = optionalPath(section.string("passwordFile", null));
    backup.archive = section.string("archive", null);
    backup.archivePasswordFile = optionalPath(section.string("archivePasswordFile", null));
    backup.scratchDir = optionalPath(section.string("scratchDir", null));
    backup.volumes = section.strings("volumes", List.of());
  }

  private void parseSchedules(YamlSection section) {
    section.allow("enabled", "timeZone", "retention", "verifyReadDataPercent", "logDirectory", "logRetentionDays",
        "cron");
    schedules.enabled = section.bool("enabled", schedules.enabled);
    schedules.timeZone = section.string("timeZone", null);
    schedules.retention = section.string("retention", schedules.retention);
    schedules.verifyReadDataPercent = section.number("verifyReadDataPercent", schedules.verifyReadDataPercent);
    schedules.logDirectory = optionalPath(section.string("logDirectory", null));
    schedules.logRetentionDays = section.integer("logRetentionDays", schedules.logRetentionDays);
    YamlSection cron = section.section("cron");
    cron.allow(ScheduleSettings.DEFAULT_EXPRESSIONS.keySet().toArray(String[]::new));
    schedules.cron = cron.strings();
  }

  private static Path optionalPath(String value) {
    return value == null || value.isBlank() ? null : Path.of(value);
  }

  private void resolveAgainst(Path directory) {
    stateDir = directory.resolve(stateDir);
    baseDir = directory.resolve(baseDir);
    backup.passwordFile = backup.passwordFile == null ? null : directory.resolve(backup.passwordFile);
    backup.archivePasswordFile = backup.archivePasswordFile == null ? null
        : directory.resolve(backup.archivePasswordFile);
    backup.scratchDir = backup.scratchDir == null ? null : directory.resolve(backup.scratchDir);
    schedules.logDirectory = schedules.logDirectory == null ? null : directory.resolve(schedules.logDirectory);
  }

  /**
   * Checks every setting.
   *
   * @throws AgentConfigurationException listing every problem, each saying what to change
   */
  public void validate(String source) throws AgentConfigurationException {
    List<String> problems = new ArrayList<>();
    if (controller == null || controller.isBlank()) {
      problems.add("controller: missing; set it to the controller's gRPC address, e.g. 'controller: 10.0.0.5:7443'");
    } else if (!TARGET.matcher(controller).matches() || Integer.parseInt(controller.replaceAll(".*:", "")) > 65535) {
      problems.add("controller: '" + controller + "' is not host:port (e.g. 10.0.0.5:7443)");
    }
    if (!NODE_NAME.matcher(nodeName()).matches()) {
      problems.add("nodeName: '" + nodeName() + "' must be 1-63 letters, digits, '.', '_' or '-', starting with a"
          + " letter or digit");
    }
    if (stateDir == null) {
      problems.add("stateDir: must not be empty");
    }
    if (baseDir == null) {
      problems.add("baseDir: must not be empty");
    }
    boolean hasToken = enrollment != null && enrollment.token != null && !enrollment.token.isBlank();
    boolean hasFingerprint = enrollment != null && enrollment.caFingerprint != null;
    if (hasToken != hasFingerprint) {
      problems.add("enrollment: token and caFingerprint go together; copy both from the enrollment token's output");
    }
    if (hasFingerprint) {
      try {
        CaFingerprint.parse(enrollment.caFingerprint);
      } catch (IllegalArgumentException e) {
        problems.add("enrollment.caFingerprint: " + e.getMessage());
      }
    }
    if (health.intervalSeconds < 1) {
      problems.add("health.intervalSeconds: must be at least 1, was " + health.intervalSeconds);
    }
    if (health.walkIntervalSeconds < 0) {
      problems.add("health.walkIntervalSeconds: must be 0 (walk at every report) or more, was "
          + health.walkIntervalSeconds);
    }
    try {
      thresholds();
    } catch (IllegalArgumentException e) {
      problems.add("health.warningPercent/criticalPercent: " + e.getMessage());
    }
    if (outbox.budgetMiB < 4) {
      problems.add("outbox.budgetMiB: must be at least 4, was " + outbox.budgetMiB);
    }
    if (link.reconnectInitialMillis < 1 || link.reconnectMaxMillis < link.reconnectInitialMillis) {
      problems.add("link: need 1 <= reconnectInitialMillis <= reconnectMaxMillis, got " + link.reconnectInitialMillis
          + " and " + link.reconnectMaxMillis);
    }
    try {
      scheduleSettings();
    } catch (InvalidScheduleException e) {
      problems.add("schedules: " + e.getMessage());
    } catch (DateTimeException e) {
      problems.add("schedules.timeZone: '" + schedules.timeZone + "' is not a time zone (e.g. Europe/Berlin or UTC)");
    }
    if (docker.host != null && !docker.host.isBlank() && !docker.host.matches("(unix|tcp)://.+")) {
      problems.add("docker.host: '" + docker.host + "' is neither unix:///path nor tcp://host:port");
    }
    try {
      imageSettings();
    } catch (IllegalArgumentException e) {
      problems.add("images.alias: '" + images.alias + "' is not a valid tag: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw AgentConfigurationException.of(source, problems);
    }
  }

  public String controller() {
    return controller;
  }

  /** The node name: as configured, else this host's name. */
  public String nodeName() {
    if (nodeName != null && !nodeName.isBlank()) {
      return nodeName;
    }
    try {
      String host = InetAddress.getLocalHost().getHostName();
      int dot = host.indexOf('.');
      return dot > 0 ? host.substring(0, dot) : host;
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  public Path stateDir() {
    return stateDir;
  }

  public Path baseDir() {
    return baseDir;
  }

  /** The enrollment settings, if a token is configured. */
  public Optional<EnrollmentSettings> enrollment() {
    if (enrollment == null || enrollment.token == null || enrollment.token.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new EnrollmentSettings(enrollment.token.trim(), CaFingerprint.parse(enrollment.caFingerprint),
        nodeName()));
  }

  public HealthThresholds thresholds() {
    return new HealthThresholds(health.warningPercent, health.criticalPercent);
  }

  public Duration healthInterval() {
    return Duration.ofSeconds(health.intervalSeconds);
  }

  /** How long the bytes used under a volume, from a directory walk, are reused (docs/volumes.md). */
  public Duration walkInterval() {
    return Duration.ofSeconds(health.walkIntervalSeconds);
  }

  public OutboxOptions outboxOptions() {
    return OutboxOptions.DEFAULTS.withBudgetBytes(outbox.budgetMiB << 20);
  }

  public LinkOptions linkOptions() {
    return LinkOptions.DEFAULTS.withBackoff(Duration.ofMillis(link.reconnectInitialMillis),
        Duration.ofMillis(link.reconnectMaxMillis));
  }

  /** The node's time zone for schedules and retention: {@code schedules.timeZone}, else the system's. */
  public ZoneId timeZone() {
    return schedules.timeZone == null || schedules.timeZone.isBlank() ? ZoneId.systemDefault()
        : ZoneId.of(schedules.timeZone);
  }

  /** Where backups go: the {@code backup:} keys over the defaults under the base and state directories. */
  public BackupSettings backupSettings() {
    BackupSettings defaults = BackupSettings.defaults(baseDir, stateDir, nodeName());
    return new BackupSettings(baseDir,
        backup.repository != null ? backup.repository : defaults.repository(),
        backup.passwordFile != null ? backup.passwordFile : defaults.passwordFile(),
        backup.archive != null ? backup.archive : defaults.archive(),
        backup.archivePasswordFile != null ? backup.archivePasswordFile : defaults.archivePasswordFile(),
        backup.scratchDir != null ? backup.scratchDir : defaults.scratch(),
        nodeName(), backup.volumes, timeZone());
  }

  /**
   * The schedules.
   *
   * @throws InvalidScheduleException if an expression, the policy or a number is invalid
   */
  public ScheduleSettings scheduleSettings() throws InvalidScheduleException {
    Path logs = schedules.logDirectory != null ? schedules.logDirectory : baseDir.resolve("logs/cairn");
    if (schedules.logRetentionDays > Integer.MAX_VALUE) {
      throw new InvalidScheduleException("logRetentionDays is too large: " + schedules.logRetentionDays);
    }
    return ScheduleSettings.of(schedules.enabled, schedules.cron, schedules.retention,
        schedules.verifyReadDataPercent, logs, (int) schedules.logRetentionDays, timeZone());
  }

  /** The Docker engine's address; empty = {@code DOCKER_HOST}, else {@code unix:///var/run/docker.sock}. */
  public Optional<String> dockerHost() {
    return Optional.ofNullable(docker.host).filter(h -> !h.isBlank());
  }

  public ImageSettings imageSettings() {
    return new ImageSettings(images.alias);
  }

  /** Whether backup and image jobs run in the agent's process ({@code jobs.inProcess}) instead of job processes. */
  public boolean jobsInProcess() {
    return jobs.inProcess;
  }

  /** What a job process needs of this configuration. */
  public JobEnvironment jobEnvironment() {
    return new JobEnvironment(backupSettings(), dockerHost().orElse(null), imageSettings(),
        stateDir().resolve("hooks").resolve("paused"));
  }

  // Setters for configurations built in code (quickstart, tests), as Dropwizard configurations have.

  public AgentConfiguration setController(String controller) {
    this.controller = controller;
    return this;
  }

  public AgentConfiguration setNodeName(String nodeName) {
    this.nodeName = nodeName;
    return this;
  }

  public AgentConfiguration setStateDir(Path stateDir) {
    this.stateDir = stateDir;
    return this;
  }

  public AgentConfiguration setBaseDir(Path baseDir) {
    this.baseDir = baseDir;
    return this;
  }

  public AgentConfiguration setEnrollment(String token, String caFingerprint) {
    this.enrollment = new Enrollment();
    this.enrollment.token = token;
    this.enrollment.caFingerprint = caFingerprint;
    return this;
  }

  public AgentConfiguration setHealthInterval(Duration interval) {
    this.health.intervalSeconds = interval.toSeconds();
    return this;
  }

  public AgentConfiguration setReconnect(Duration initial, Duration max) {
    this.link.reconnectInitialMillis = initial.toMillis();
    this.link.reconnectMaxMillis = max.toMillis();
    return this;
  }

  /** Turns the schedules on or off (tests that drive jobs by command turn them off). */
  public AgentConfiguration setSchedulesEnabled(boolean enabled) {
    this.schedules.enabled = enabled;
    return this;
  }

  public AgentConfiguration setJobsInProcess(boolean inProcess) {
    this.jobs.inProcess = inProcess;
    return this;
  }

  public AgentConfiguration setDockerHost(String host) {
    this.docker.host = host;
    return this;
  }

  public AgentConfiguration setOutboxBudgetMiB(long budgetMiB) {
    this.outbox.budgetMiB = budgetMiB;
    return this;
  }
}
