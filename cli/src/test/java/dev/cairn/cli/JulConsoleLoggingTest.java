package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JulConsoleLoggingTest {

  @Test
  void format_record_oneLineLikeTheLogbackPattern() {
    LogRecord record = new LogRecord(Level.WARNING, "link: stream ended (UNAVAILABLE)");
    record.setLoggerName("dev.cairn.agent.link.AgentLink");
    record.setInstant(Instant.parse("2026-11-26T08:00:01.234Z"));

    String line = new JulConsoleLogging.LineFormatter().format(record);

    assertThat(line).isEqualTo("2026-11-26T08:00:01.234Z WARN  [" + Thread.currentThread().getName()
        + "] AgentLink: link: stream ended (UNAVAILABLE)" + System.lineSeparator());
  }

  @Test
  void format_recordWithParametersAndThrowable_formatsThemAndAppendsTheTrace() {
    LogRecord record = new LogRecord(Level.SEVERE, "channel {0} failed");
    record.setParameters(new Object[] {"7"});
    record.setLoggerName("io.grpc.internal.ManagedChannelImpl");
    record.setThrown(new IllegalStateException("boom"));

    String text = new JulConsoleLogging.LineFormatter().format(record);

    assertThat(text.lines().findFirst().orElseThrow()).contains(" ERROR [").endsWith("ManagedChannelImpl: channel 7 failed");
    assertThat(text).contains("java.lang.IllegalStateException: boom", "\tat ");
  }

  @Test
  void level_julLevels_logbackNames() {
    assertThat(JulConsoleLogging.LineFormatter.level(Level.SEVERE)).isEqualTo("ERROR");
    assertThat(JulConsoleLogging.LineFormatter.level(Level.WARNING)).isEqualTo("WARN");
    assertThat(JulConsoleLogging.LineFormatter.level(Level.INFO)).isEqualTo("INFO");
    assertThat(JulConsoleLogging.LineFormatter.level(Level.FINE)).isEqualTo("DEBUG");
    assertThat(JulConsoleLogging.LineFormatter.level(Level.FINEST)).isEqualTo("TRACE");
  }
}
