package dev.cairn.controller.grpc;

import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.error.ErrorCode;
import dev.cairn.controller.service.DeviceMetrics;
import dev.cairn.controller.service.DeviceService;
import dev.cairn.controller.service.DeviceSession;
import dev.cairn.proto.v1.AgentLinkGrpc;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.ControllerMessage;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AgentLink.Connect}: a thin adapter from one gRPC stream to a {@link DeviceSession}. The
 * node comes from {@link NodeIdentity#NODE}, set by {@link IdentityInterceptor}.
 */
public final class AgentLinkGrpcService extends AgentLinkGrpc.AgentLinkImplBase {
  private static final Logger LOG = LoggerFactory.getLogger(AgentLinkGrpcService.class);

  private final DeviceService devices;
  private final DeviceMetrics metrics;

  public AgentLinkGrpcService(DeviceService devices, DeviceMetrics metrics) {
    this.devices = devices;
    this.metrics = metrics;
  }

  @Override
  public StreamObserver<AgentMessage> connect(StreamObserver<ControllerMessage> responses) {
    String node = NodeIdentity.NODE.get();
    ServerCallStreamObserver<ControllerMessage> call =
        (ServerCallStreamObserver<ControllerMessage>) responses;
    StreamChannel channel = new StreamChannel(call, metrics);
    call.setOnReadyHandler(channel::drain);
    DeviceSession session = devices.open(node, channel);
    call.setOnCancelHandler(() -> {
      channel.cancelled();
      session.closed();
    });
    return new StreamObserver<>() {
      @Override
      public void onNext(AgentMessage message) {
        try {
          session.receive(message);
        } catch (ControllerException e) {
          LOG.info("Closing the stream of node {}: {}", node, e.getMessage());
          channel.close(e.code(), e.getMessage());
          session.closed();
        } catch (RuntimeException e) {
          LOG.error("Failed handling a message of node {}", node, e);
          ErrorCode code = DeviceSession.codeFor(e);
          channel.close(code, code == ErrorCode.UNAVAILABLE
              ? "The controller's storage failed; retry later" : "Internal error");
          session.closed();
        }
      }

      @Override
      public void onError(Throwable t) {
        channel.cancelled();
        session.closed();
      }

      @Override
      public void onCompleted() {
        channel.complete();
        session.closed();
      }
    };
  }
}
