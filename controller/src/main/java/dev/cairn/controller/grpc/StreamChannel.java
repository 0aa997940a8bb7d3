package dev.cairn.controller.grpc;

import dev.cairn.controller.error.ErrorCode;
import dev.cairn.controller.service.DeviceChannel;
import dev.cairn.controller.service.DeviceMetrics;
import dev.cairn.proto.v1.ControllerMessage;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayDeque;

/**
 * A {@link DeviceChannel} over one gRPC response stream that respects flow control: messages wait
 * in memory until {@link ServerCallStreamObserver#isReady()} and are drained from the on-ready
 * handler. An unsent desired-state message is replaced in place by a newer one. All calls on the
 * observer are serialised by this object's monitor.
 */
final class StreamChannel implements DeviceChannel {
  private final ServerCallStreamObserver<ControllerMessage> call;
  private final DeviceMetrics metrics;
  private final ArrayDeque<Slot> queue = new ArrayDeque<>();
  private Slot unsentDesired;
  private boolean closed;

  /** A queue position whose message may be replaced before it is sent. */
  private static final class Slot {
    ControllerMessage message;

    Slot(ControllerMessage message) {
      this.message = message;
    }
  }

  StreamChannel(ServerCallStreamObserver<ControllerMessage> call, DeviceMetrics metrics) {
    this.call = call;
    this.metrics = metrics;
  }

  @Override
  public synchronized void send(ControllerMessage message) {
    if (closed) {
      return;
    }
    if (message.hasDesiredState()) {
      if (unsentDesired != null) {
        unsentDesired.message = message;
      } else {
        unsentDesired = new Slot(message);
        queue.add(unsentDesired);
      }
    } else {
      queue.add(new Slot(message));
    }
    drain();
  }

  /** Sends queued messages while the transport is ready; the on-ready handler calls it too. */
  synchronized void drain() {
    try {
      while (!closed && !queue.isEmpty() && call.isReady()) {
        Slot slot = queue.poll();
        if (slot == unsentDesired) {
          unsentDesired = null;
        }
        call.onNext(slot.message);
        metrics.sent();
      }
    } catch (RuntimeException e) {
      // The call was cancelled under us; the cancel handler ends the session.
      closed = true;
      queue.clear();
    }
  }

  @Override
  public synchronized void close(ErrorCode code, String message) {
    if (closed) {
      return;
    }
    closed = true;
    queue.clear();
    try {
      call.onError(code.grpcStatus(message).asRuntimeException());
    } catch (RuntimeException e) {
      // already cancelled
    }
  }

  synchronized void complete() {
    if (closed) {
      return;
    }
    closed = true;
    queue.clear();
    try {
      call.onCompleted();
    } catch (RuntimeException e) {
      // already cancelled
    }
  }

  synchronized void cancelled() {
    closed = true;
    queue.clear();
  }
}
