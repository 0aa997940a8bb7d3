package dev.cairn.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JacksonException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunHistoryCodecTest {

  @Test
  void decode_encoded_givesEqualDocument() throws Exception {
    RunHistory.Document document = new RunHistory.Document(Map.of("daily", 1_777_000_000_000L, "verify", 5L), Map.of(
        "daily/redis", new RunRecord("daily", "snapshot", "redis", 1_777_000_060_000L, 1_777_000_060_000L, "changed",
            "3 files \"new\"", "ab12"),
        "verify/", new RunRecord("verify", "verify", "", null, 9L, "failed", "pack 7 is damaged", null)));

    RunHistory.Document decoded = RunHistoryCodec.decode(RunHistoryCodec.encode(document));

    assertThat(decoded).isEqualTo(document);
  }

  /** The form the data-binding writer of earlier versions left on nodes, with a field it no longer knows. */
  @Test
  void decode_historyOfEarlierVersions_readsRunsAndSkipsUnknownFields() throws Exception {
    String json = """
        {
          "slots" : { "daily" : 1777000000000 },
          "runs" : {
            "daily/redis" : {
              "schedule" : "daily", "action" : "snapshot", "volume" : "redis", "lastSuccess" : null,
              "lastAttempt" : 1777000060000, "outcome" : "failed", "message" : "disk full",
              "snapshotId" : null, "retired" : { "nested" : [1, 2] }
            }
          },
          "comment" : "ignored"
        }""";

    RunHistory.Document decoded = RunHistoryCodec.decode(json.getBytes(StandardCharsets.UTF_8));

    assertThat(decoded.slots()).containsExactly(Map.entry("daily", 1_777_000_000_000L));
    assertThat(decoded.runs()).containsExactly(Map.entry("daily/redis",
        new RunRecord("daily", "snapshot", "redis", null, 1_777_000_060_000L, "failed", "disk full", null)));
  }

  @Test
  void decode_wrongShapes_throwJacksonException() {
    for (String json : new String[] {"[]", "{\"slots\": {\"daily\": \"yesterday\"}}", "{\"runs\": {\"a/b\": 3}}",
        "{\"slots\": {\"daily\": tru"}) {
      assertThatThrownBy(() -> RunHistoryCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
          .as(json).isInstanceOf(JacksonException.class);
    }
  }
}
