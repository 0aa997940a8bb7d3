package dev.cairn.agent.job.child;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How the agent starts a job process: the JDK it runs on, the job class path, JVM options and main
 * class. {@code bin/cairn} passes the last three as system properties: the agent's own class path
 * is slim (no AWS SDK, docker-java, Bouncy Castle, ...), a job's is the whole agent's; a job runs
 * with the tuned options of the snapshot commands, and from the command line's entry point, which
 * sets up logging as the agent's is ({@code cli.agent.JobProcessMain}). Immutable.
 *
 * @param mainClass {@link JobMain} or a class whose {@code main} ends in {@link JobMain#main}
 */
public record JobLauncher(Path java, String classPath, List<String> jvmOptions, String mainClass) {

  /** System property: the job processes' class path; default = this JVM's. */
  public static final String CLASS_PATH_PROPERTY = "cairn.jobs.classpath";
  /** System property: the job processes' JVM options, separated by spaces; default none. */
  public static final String JVM_OPTIONS_PROPERTY = "cairn.jobs.jvmOptions";
  /** System property: the job processes' main class; default {@link JobMain}. */
  public static final String MAIN_CLASS_PROPERTY = "cairn.jobs.mainClass";
  /** Opened to Cairn in every job process, as in cairn.jar's manifest: {@code volume.NodeReader} reads lstat results. */
  static final String ADD_OPENS = "--add-opens=java.base/sun.nio.fs=ALL-UNNAMED";

  public JobLauncher {
    Objects.requireNonNull(java, "java");
    Objects.requireNonNull(classPath, "classPath");
    Objects.requireNonNull(mainClass, "mainClass");
    jvmOptions = List.copyOf(jvmOptions);
  }

  /** With {@link JobMain} as main class. */
  public JobLauncher(Path java, String classPath, List<String> jvmOptions) {
    this(java, classPath, jvmOptions, JobMain.class.getName());
  }

  /** This JVM's {@code java}, with the class path, options and main class of the system properties above. */
  public static JobLauncher fromSystemProperties() {
    String options = System.getProperty(JVM_OPTIONS_PROPERTY, "").strip();
    return new JobLauncher(Path.of(System.getProperty("java.home"), "bin", "java"),
        System.getProperty(CLASS_PATH_PROPERTY, System.getProperty("java.class.path")),
        options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+")),
        System.getProperty(MAIN_CLASS_PROPERTY, JobMain.class.getName()));
  }

  /** The command line of a job process. */
  List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOptions);
    command.add(ADD_OPENS);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    return command;
  }
}
