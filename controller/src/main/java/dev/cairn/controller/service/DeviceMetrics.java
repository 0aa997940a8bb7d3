package dev.cairn.controller.service;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;

/** Meters of the device-facing traffic, registered under {@code cairn.device.*}. */
public final class DeviceMetrics {
  final Meter messagesIn;
  final Meter messagesOut;
  final Meter streamsOpened;
  final Meter entriesStored;
  final Meter entriesReplayed;
  final Meter enrollments;

  public DeviceMetrics(MetricRegistry registry) {
    this.messagesIn = registry.meter("cairn.device.messages-in");
    this.messagesOut = registry.meter("cairn.device.messages-out");
    this.streamsOpened = registry.meter("cairn.device.streams-opened");
    this.entriesStored = registry.meter("cairn.device.entries-stored");
    this.entriesReplayed = registry.meter("cairn.device.entries-replayed");
    this.enrollments = registry.meter("cairn.device.enrollments");
  }

  /** Counts one message leaving for an agent (called by the transport as it sends). */
  public void sent() {
    messagesOut.mark();
  }

  public void enrolled() {
    enrollments.mark();
  }
}
