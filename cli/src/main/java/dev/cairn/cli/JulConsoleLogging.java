package dev.cairn.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * {@link ConsoleLogging} for {@code java.util.logging}, the backend of the agent's slim class path
 * (slf4j-jdk14; gRPC logs there too): the same one-line format as the logback configuration, on
 * stderr.
 */
final class JulConsoleLogging {

  /** JUL holds loggers weakly; a level set on a logger nobody references would be forgotten. */
  private static final Logger CAIRN = Logger.getLogger("dev.cairn");

  private JulConsoleLogging() {}

  static void configure() {
    LogManager.getLogManager().reset();
    ConsoleHandler console = new ConsoleHandler(); // writes to System.err
    console.setLevel(Level.ALL);
    console.setFormatter(new LineFormatter());
    Logger root = Logger.getLogger("");
    root.setLevel(Level.WARNING);
    root.addHandler(console);
    CAIRN.setLevel(Level.INFO);
  }

  /** One line per record: {@code 2026-11-26T08:00:00.123Z INFO  [thread] Logger: message}, then any stack trace. */
  static final class LineFormatter extends Formatter {

    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

    @Override
    public String format(LogRecord record) {
      String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
      StringBuilder line = new StringBuilder(128)
          .append(TIME.format(record.getInstant())).append(' ')
          .append(String.format("%-5s", level(record.getLevel())))
          .append(" [").append(Thread.currentThread().getName()).append("] ")
          .append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ")
          .append(formatMessage(record)).append(System.lineSeparator());
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        line.append(trace);
      }
      return line.toString();
    }

    /** logback's names for the levels slf4j maps to JUL ones. */
    static String level(Level level) {
      int value = level.intValue();
      if (value >= Level.SEVERE.intValue()) {
        return "ERROR";
      } else if (value >= Level.WARNING.intValue()) {
        return "WARN";
      } else if (value >= Level.INFO.intValue()) {
        return "INFO";
      } else if (value >= Level.FINE.intValue()) {
        return "DEBUG";
      }
      return "TRACE";
    }
  }
}
