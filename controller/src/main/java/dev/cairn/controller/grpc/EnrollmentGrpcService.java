package dev.cairn.controller.grpc;

import com.google.protobuf.ByteString;
import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.service.EnrollmentService;
import dev.cairn.proto.v1.EnrollRequest;
import dev.cairn.proto.v1.EnrollResponse;
import dev.cairn.proto.v1.EnrollmentGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.security.cert.CertificateEncodingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code Enrollment.Enroll}: a thin adapter over {@link EnrollmentService#enroll}. */
public final class EnrollmentGrpcService extends EnrollmentGrpc.EnrollmentImplBase {
  private static final Logger LOG = LoggerFactory.getLogger(EnrollmentGrpcService.class);
  private final EnrollmentService enrollment;

  public EnrollmentGrpcService(EnrollmentService enrollment) {
    this.enrollment = enrollment;
  }

  @Override
  public void enroll(EnrollRequest request, StreamObserver<EnrollResponse> responses) {
    try {
      EnrollmentService.Enrolled enrolled = enrollment.enroll(request.getToken(),
          request.getNodeName(), request.getCsrDer().toByteArray(), request.getAgentVersion());
      responses.onNext(EnrollResponse.newBuilder()
          .setNodeName(enrolled.node())
          .setCertificateDer(ByteString.copyFrom(enrolled.certificate().getEncoded()))
          .setCaCertificateDer(ByteString.copyFrom(enrolled.authority().getEncoded()))
          .build());
      responses.onCompleted();
      LOG.info("Enrolled node {}", enrolled.node());
    } catch (ControllerException e) {
      LOG.info("Refused enrollment of '{}': {}", request.getNodeName(), e.getMessage());
      responses.onError(e.code().grpcStatus(e.getMessage()).asRuntimeException());
    } catch (CertificateEncodingException | RuntimeException e) {
      LOG.error("Enrollment of '{}' failed", request.getNodeName(), e);
      responses.onError(Status.INTERNAL.withDescription("Internal error").asRuntimeException());
    }
  }
}
