package dev.cairn.agent.backend;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test double: a {@link RetryingBackend.Sleeper} that records the waits instead of sleeping. */
final class RecordingSleeper implements RetryingBackend.Sleeper {
  final List<Duration> waits = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
  }
}
