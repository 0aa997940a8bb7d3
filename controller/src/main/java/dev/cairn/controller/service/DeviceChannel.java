package dev.cairn.controller.service;

import dev.cairn.controller.error.ErrorCode;
import dev.cairn.proto.v1.ControllerMessage;

/**
 * The outbound half of one agent's link, as {@link DeviceService} sees it. Implementations queue
 * and send as the transport allows (gRPC flow control); an unsent desired-state message is
 * replaced by a newer one (level-triggered). Thread-safe; never blocks.
 */
public interface DeviceChannel {
  void send(ControllerMessage message);

  /** Ends the link with an error; later sends are dropped. */
  void close(ErrorCode code, String message);
}
