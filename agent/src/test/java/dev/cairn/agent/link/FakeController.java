package dev.cairn.agent.link;

import com.google.protobuf.ByteString;
import dev.cairn.proto.v1.Ack;
import dev.cairn.proto.v1.AgentLinkGrpc;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.Command;
import dev.cairn.proto.v1.ControllerMessage;
import dev.cairn.proto.v1.DesiredState;
import dev.cairn.proto.v1.EnrollRequest;
import dev.cairn.proto.v1.EnrollResponse;
import dev.cairn.proto.v1.EnrollmentGrpc;
import dev.cairn.proto.v1.Hello;
import dev.cairn.proto.v1.Welcome;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Test double of the controller's device side for agent-module tests (the real controller lives
 * in another module and is exercised end to end in the cli module's ITs). Follows
 * docs/protocol.md: welcome with the stored high-water mark, replays acknowledged and not stored
 * again, queued commands delivered after the agent's last accepted seq. Thread-safe.
 */
final class FakeController {

  final TestCa ca;
  private final Set<String> tokens = new HashSet<>();
  private final List<AgentMessage> stored = new ArrayList<>();
  private final List<AgentMessage> received = new ArrayList<>();
  private final List<Hello> hellos = new ArrayList<>();
  private final List<Long> commandAcks = new ArrayList<>();
  private final TreeMap<Long, Command> commands = new TreeMap<>();
  private long lastAgentSeq;
  private int replays;
  private boolean autoAck = true;
  private DesiredState desired;
  private StreamObserver<ControllerMessage> current;

  FakeController(TestCa ca) {
    this.ca = ca;
  }

  synchronized void addToken(String token) {
    tokens.add(token);
  }

  synchronized void setAutoAck(boolean autoAck) {
    this.autoAck = autoAck;
  }

  synchronized void setLastAgentSeq(long seq) {
    lastAgentSeq = seq;
  }

  synchronized List<AgentMessage> stored() {
    return List.copyOf(stored);
  }

  synchronized List<AgentMessage> received() {
    return List.copyOf(received);
  }

  synchronized List<Hello> hellos() {
    return List.copyOf(hellos);
  }

  synchronized List<Long> commandAcks() {
    return List.copyOf(commandAcks);
  }

  synchronized int replays() {
    return replays;
  }

  synchronized boolean streamOpen() {
    return current != null;
  }

  /** Acknowledges everything stored so far (for tests that ack by hand). */
  synchronized void ackAll() {
    if (current != null) {
      current.onNext(ack(lastAgentSeq));
    }
  }

  synchronized void enqueue(long seq, Command command) {
    commands.put(seq, command);
    if (current != null) {
      current.onNext(ControllerMessage.newBuilder().setSeq(seq).setCommand(command).build());
    }
  }

  synchronized void setDesired(DesiredState state) {
    desired = state;
    if (current != null) {
      current.onNext(ControllerMessage.newBuilder().setDesiredState(state).build());
    }
  }

  /** Drops the current stream as a broken link would. */
  synchronized void cut() {
    if (current != null) {
      current.onError(Status.UNAVAILABLE.withDescription("link cut by the test").asRuntimeException());
      current = null;
    }
  }

  private static ControllerMessage ack(long upTo) {
    return ControllerMessage.newBuilder().setAck(Ack.newBuilder().setUpToSeq(upTo)).build();
  }

  EnrollmentGrpc.EnrollmentImplBase enrollment() {
    return new EnrollmentGrpc.EnrollmentImplBase() {
      @Override
      public void enroll(EnrollRequest request, StreamObserver<EnrollResponse> response) {
        synchronized (FakeController.this) {
          if (!tokens.remove(request.getToken())) {
            response.onError(Status.UNAUTHENTICATED.withDescription("unknown token").asRuntimeException());
            return;
          }
        }
        try {
          response.onNext(EnrollResponse.newBuilder()
              .setNodeName(request.getNodeName())
              .setCertificateDer(ByteString.copyFrom(ca.client(request.getCsrDer().toByteArray()).getEncoded()))
              .setCaCertificateDer(ByteString.copyFrom(ca.certificate.getEncoded()))
              .build());
          response.onCompleted();
        } catch (Exception e) {
          response.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
        }
      }
    };
  }

  AgentLinkGrpc.AgentLinkImplBase agentLink() {
    return new AgentLinkGrpc.AgentLinkImplBase() {
      @Override
      public StreamObserver<AgentMessage> connect(StreamObserver<ControllerMessage> response) {
        return new StreamObserver<>() {
          @Override
          public void onNext(AgentMessage message) {
            synchronized (FakeController.this) {
              if (message.hasHello()) {
                if (current != null) {
                  current.onError(Status.UNAVAILABLE.withDescription("superseded").asRuntimeException());
                }
                current = response;
                hellos.add(message.getHello());
                response.onNext(ControllerMessage.newBuilder()
                    .setWelcome(Welcome.newBuilder().setNodeName("node-1").setLastAgentSeq(lastAgentSeq)).build());
                if (desired != null && desired.getVersion() > message.getHello().getAppliedVersion()) {
                  response.onNext(ControllerMessage.newBuilder().setDesiredState(desired).build());
                }
                commands.tailMap(message.getHello().getLastCommandSeq(), false).forEach((seq, command) ->
                    response.onNext(ControllerMessage.newBuilder().setSeq(seq).setCommand(command).build()));
              } else if (message.hasAck()) {
                commandAcks.add(message.getAck().getUpToSeq());
              } else if (response == current) {
                received.add(message);
                if (message.getSeq() <= lastAgentSeq) {
                  replays++;
                } else {
                  stored.add(message);
                  lastAgentSeq = message.getSeq();
                }
                if (autoAck) {
                  response.onNext(ack(lastAgentSeq));
                }
              }
            }
          }

          @Override
          public void onError(Throwable t) {
            detach(response);
          }

          @Override
          public void onCompleted() {
            detach(response);
            response.onCompleted();
          }
        };
      }
    };
  }

  private synchronized void detach(StreamObserver<ControllerMessage> response) {
    if (current == response) {
      current = null;
    }
  }
}
