package dev.cairn.agent.job.child;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.desired.DesiredState;
import dev.cairn.agent.image.ImageSettings;
import dev.cairn.agent.job.BackupSettings;
import dev.cairn.agent.retention.ForgetPolicy;
import dev.cairn.agent.retention.ForgetPolicyParser;
import dev.cairn.agent.retention.RetentionDuration;
import dev.cairn.proto.v1.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lines between the agent and a job process (docs/agent-jobs.md) read back as they were written. */
class JobProtocolTest {

  private static final JobEnvironment ENVIRONMENT = new JobEnvironment(new BackupSettings(Path.of("/opt/ai-q"),
      "s3://minio.local/bucket", Path.of("/var/lib/cairn/agent/backup/repository.password"), "/opt/ai-q/archives/repo",
      Path.of("/var/lib/cairn/agent/backup/archive.password"), Path.of("/var/lib/cairn/agent/backup/scratch"), "node-7",
      List.of("postgresql-data", "config/nginx"), ZoneId.of("America/New_York")), "tcp://127.0.0.1:2375",
      new ImageSettings("live"));

  @Test
  void request_withArgumentsAndDesiredStates_readsBackEqual() throws Exception {
    Map<String, Object> arguments = new LinkedHashMap<>();
    arguments.put("volume", "postgresql-data");
    arguments.put("snapshot", null);
    arguments.put("include", List.of("a/b", "line\nbreak \"quoted\" ü"));
    DesiredState hooks = new DesiredState(12, Struct.newBuilder()
        .putFields("hooks", Value.newBuilder().setStringValue("pg_dump").build()).build().toByteString(), Instant.ofEpochSecond(1_700_000_000));
    JobRequest request = new JobRequest(JobOperation.RESTORE, arguments, ENVIRONMENT, Optional.empty(),
        Optional.of(hooks));

    String line = request.encode();
    JobRequest read = JobRequest.decode(line);

    assertThat(line).doesNotContain("\n");
    assertThat(read.operation()).isEqualTo(JobOperation.RESTORE);
    assertThat(read.arguments()).isEqualTo(arguments);
    assertThat(read.environment()).isEqualTo(ENVIRONMENT);
    assertThat(read.catalogueFrom()).isEmpty();
    assertThat(read.hooksFrom()).contains(hooks);
  }

  @Test
  void request_withTheSameDesiredStateForCatalogueAndHooks_carriesItOnce() throws Exception {
    DesiredState state = new DesiredState(13, Struct.newBuilder()
        .putFields("hooks", Value.newBuilder().setStringValue("pg_dump").build()).build().toByteString(),
        Instant.ofEpochSecond(1_700_000_000));
    DesiredState older = new DesiredState(12, state.spec(), state.updated());

    String line = new JobRequest(JobOperation.SNAPSHOT, Map.of(), ENVIRONMENT, Optional.of(state),
        Optional.of(state)).encode();
    JobRequest read = JobRequest.decode(line);
    JobRequest different = JobRequest.decode(new JobRequest(JobOperation.SNAPSHOT, Map.of(), ENVIRONMENT,
        Optional.of(state), Optional.of(older)).encode());

    assertThat(line.split("\"spec\"", -1)).as("one spec in the line").hasSize(2);
    assertThat(read.catalogueFrom()).contains(state);
    assertThat(read.hooksFrom()).contains(state);
    assertThat(different.hooksFrom()).contains(older);
  }

  @Test
  void forgetPolicy_asMap_readsBackEqual() throws Exception {
    for (ForgetPolicy policy : List.of(ForgetPolicy.gfsDefault(),
        ForgetPolicy.builder().last(ForgetPolicy.UNLIMITED).daily(7).within(RetentionDuration.parse("1y2m3d4h"))
            .withinWeekly(RetentionDuration.parse("84d")).keepTags(List.of("a", "b")).keepTags(List.of("")).build())) {
      Object sent = JsonValues.read(JsonValues.write(policy.toMap()));

      @SuppressWarnings("unchecked")
      ForgetPolicy read = ForgetPolicyParser.fromMap((Map<String, Object>) sent);
      assertThat(read).as(policy.toFlags()).isEqualTo(policy);
    }
  }

  @Test
  void lines_eventDoneAndFailed_readBackEqual() throws Exception {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("detail", null);
    nested.put("ratio", 0.25);
    Completion completion = new Completion(Outcome.CHANGED, "2 of 2 images loaded", Map.of("count", 2L,
        "huge", 1e300, "images", List.of(nested), "ok", true));
    JobLine.Event event = new JobLine.Event("image.loaded", Severity.SEVERITY_INFO, "redis:7 loaded",
        Map.of("repository", "redis", "tag", "7"));

    assertThat(JobLine.decode(event.encode())).isEqualTo(event);
    assertThat(JobLine.decode(new JobLine.Done(completion).encode())).isEqualTo(new JobLine.Done(completion));
    JobLine.Failed failed = new JobLine.Failed(JobLine.FailureKind.IO, "disk full");
    assertThat(JobLine.decode(failed.encode())).isEqualTo(failed);
  }

  @Test
  void numbers_wholeAsLongOtherwiseDouble() throws Exception {
    assertThat(JsonValues.read("[1, -9223372036854775808, 1.5, 1e2, 123456789012345678901234567890]"))
        .isEqualTo(Arrays.asList(1L, Long.MIN_VALUE, 1.5, 100.0, 1.2345678901234568e29));
  }

  @Test
  void garbage_isRefusedWithWhatItWas() {
    assertThatThrownBy(() -> JobLine.decode("Exception in thread main")).isInstanceOf(JobRequestException.class)
        .hasMessageContaining("not a line of the job protocol: Exception in thread main");
    assertThatThrownBy(() -> JobLine.decode("{\"done\": {\"outcome\": \"MAYBE\", \"message\": \"\", \"details\": {}}}"))
        .isInstanceOf(JobRequestException.class).hasMessageContaining("MAYBE");
    assertThatThrownBy(() -> JobRequest.decode("{\"operation\": \"format-disk\"}"))
        .isInstanceOf(JobRequestException.class).hasMessageContaining("unknown job operation 'format-disk'");
    assertThatThrownBy(() -> JobRequest.decode("{\"operation\": \"prune\", \"arguments\": {}}"))
        .isInstanceOf(JobRequestException.class).hasMessageContaining("request.environment must be an object");
  }
}
