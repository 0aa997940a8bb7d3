package dev.cairn.controller.testing;

import dev.cairn.controller.error.ErrorCode;
import dev.cairn.controller.service.DeviceChannel;
import dev.cairn.proto.v1.ControllerMessage;
import java.util.ArrayList;
import java.util.List;

/** A test double of a transport: records what the device service sends and how it closed. */
public final class RecordingChannel implements DeviceChannel {
  private final List<ControllerMessage> sent = new ArrayList<>();
  private ErrorCode closedWith;

  @Override
  public synchronized void send(ControllerMessage message) {
    if (closedWith == null) {
      sent.add(message);
    }
  }

  @Override
  public synchronized void close(ErrorCode code, String message) {
    if (closedWith == null) {
      closedWith = code;
    }
  }

  public synchronized List<ControllerMessage> sent() {
    return List.copyOf(sent);
  }

  public synchronized List<ControllerMessage> commands() {
    return sent.stream().filter(ControllerMessage::hasCommand).toList();
  }

  public synchronized List<ControllerMessage> acks() {
    return sent.stream().filter(ControllerMessage::hasAck).toList();
  }

  public synchronized List<ControllerMessage> desired() {
    return sent.stream().filter(ControllerMessage::hasDesiredState).toList();
  }

  public synchronized ErrorCode closedWith() {
    return closedWith;
  }
}
