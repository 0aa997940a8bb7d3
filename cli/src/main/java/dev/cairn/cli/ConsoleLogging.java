package dev.cairn.cli;

import org.slf4j.LoggerFactory;

/**
 * Log configuration of the long-running commands that do not bring their own (agent, quickstart):
 * one line per event on stderr, Cairn's own loggers at INFO, libraries at WARN. Works with the
 * slf4j backend on the class path: logback in the shaded jar, {@code java.util.logging} (through
 * slf4j-jdk14) in the agent's slim class path ({@code bin/cairn agent}, see docs/operations.md).
 */
public final class ConsoleLogging {

  /** The line format both backends write: UTC time, level, thread, logger's simple name, message. */
  static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{0}: %msg%n";

  private ConsoleLogging() {}

  /** Replaces whatever logging configuration is active. */
  public static void configure() {
    String backend = LoggerFactory.getILoggerFactory().getClass().getName();
    if (backend.startsWith("ch.qos.logback.")) {
      LogbackConsoleLogging.configure();
    } else if (backend.startsWith("org.slf4j.jul.")) {
      JulConsoleLogging.configure();
    }
    // another slf4j backend: leave it alone
  }
}
