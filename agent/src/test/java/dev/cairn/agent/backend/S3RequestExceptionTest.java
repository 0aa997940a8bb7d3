package dev.cairn.agent.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3RequestExceptionTest {

  @ParameterizedTest
  @CsvSource({
    "403, AccessDenied, true",
    "403, InvalidAccessKeyId, true",
    "404, NoSuchBucket, true",
    "400, InvalidArgument, true",
    "501, NotImplemented, true",
    "400, RequestTimeout, false",
    "400, IncompleteBody, false",
    "400, BadDigest, false",
    "408, '', false",
    "429, '', false",
    "503, SlowDown, false",
    "500, InternalError, false",
    "502, '', false",
    "400, Throttling, false"
  })
  void permanent_byStatusAndCode(int status, String code, boolean permanent) {
    assertThat(new S3RequestException("x", status, code, null).permanent()).isEqualTo(permanent);
  }
}
