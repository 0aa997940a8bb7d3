package dev.cairn.controller;

import dev.cairn.controller.service.CommandService;
import dev.cairn.controller.service.RunService;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodically marks pending commands whose expiry passed as expired (offline nodes included) and
 * ends fleet runs that are complete or past their expiry.
 */
final class CommandExpiryTask implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(CommandExpiryTask.class);
  private final CommandService commands;
  private final RunService runs;
  private final Duration interval;
  private ScheduledExecutorService executor;

  CommandExpiryTask(CommandService commands, RunService runs, Duration interval) {
    this.commands = commands;
    this.runs = runs;
    this.interval = interval;
  }

  @Override
  public void start() {
    executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "cairn-command-expiry");
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(this::run, interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void run() {
    try {
      int expired = commands.expireOverdue();
      if (expired > 0) {
        LOG.info("Marked {} overdue commands expired", expired);
      }
      int ended = runs.settleAll();
      if (ended > 0) {
        LOG.info("Ended {} fleet runs", ended);
      }
    } catch (RuntimeException e) {
      LOG.error("Command expiry failed; retrying in {}", interval, e);
    }
  }

  @Override
  public void stop() throws InterruptedException {
    executor.shutdownNow();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }
}
