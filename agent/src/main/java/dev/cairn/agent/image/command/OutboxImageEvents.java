package dev.cairn.agent.image.command;

import dev.cairn.agent.image.ImageEvent;
import dev.cairn.agent.image.ImageEventListener;
import dev.cairn.agent.outbox.EventSink;
import dev.cairn.proto.v1.Severity;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes image events as agent events through the outbox: kind {@code image.<type>} in kebab
 * case ({@code image.loaded}, {@code image.alias-moved}, {@code image.rolled-back}, {@code
 * image.imported}, {@code image.evicted}, {@code image.pushed}), severity info, attributes {@code
 * repository}, {@code tag}, {@code imageId}, {@code source}. The history on disk already holds the
 * event, so a failing outbox is logged, not thrown. Thread-safe.
 */
public final class OutboxImageEvents implements ImageEventListener {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxImageEvents.class);
  private final EventSink events;

  public OutboxImageEvents(EventSink events) {
    this.events = events;
  }

  /** The event kind of an image event type, e.g. {@code ALIAS_MOVED} → {@code image.alias-moved}. */
  public static String kind(ImageEvent event) {
    return "image." + event.type().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @Override
  public void onEvent(ImageEvent event) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("repository", event.repository());
    attributes.put("tag", event.tag());
    if (event.imageId() != null) {
      attributes.put("imageId", event.imageId().toString());
    }
    attributes.put("source", event.source().toString());
    String message = event.repository() + ":" + event.tag() + " " + event.type().name().toLowerCase(Locale.ROOT)
        .replace('_', ' ') + (event.detail() == null || event.detail().isBlank() ? "" : ": " + event.detail());
    try {
      events.publish(kind(event), Severity.SEVERITY_INFO, message, attributes);
    } catch (IOException | RuntimeException e) {
      LOG.error("images: cannot publish event '{}' to the outbox (it stays in the image history): {}", message,
          e.toString());
    }
  }
}
