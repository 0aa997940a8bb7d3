package dev.cairn.agent.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForgetPolicyParserTest {

  @Test
  void fromFlags_everyOption_setsEveryRule() throws Exception {
    ForgetPolicy p = ForgetPolicyParser.fromFlags(List.of(
        "--keep-last", "1", "--keep-hourly=2", "-d", "3", "--keep-weekly", "4",
        "--keep-monthly", "unlimited", "-y", "6", "--keep-within", "1y2m3d4h",
        "--keep-within-hourly", "5h", "--keep-within-daily", "6d", "--keep-within-weekly", "7m",
        "--keep-within-monthly", "8y", "--keep-within-yearly", "9y", "--keep-tag", "a,b",
        "--keep-tag=c"));

    assertThat(p).isEqualTo(new ForgetPolicy(1, 2, 3, 4, ForgetPolicy.UNLIMITED, 6,
        new RetentionDuration(1, 2, 3, 4), new RetentionDuration(0, 0, 0, 5),
        new RetentionDuration(0, 0, 6, 0), new RetentionDuration(0, 7, 0, 0),
        new RetentionDuration(8, 0, 0, 0), new RetentionDuration(9, 0, 0, 0),
        List.of(List.of("a", "b"), List.of("c"))));
    assertThat(p.toFlags()).isEqualTo("--keep-last 1 --keep-hourly 2 --keep-daily 3 "
        + "--keep-weekly 4 --keep-monthly unlimited --keep-yearly 6 --keep-within 1y2m3d4h "
        + "--keep-within-hourly 5h --keep-within-daily 6d --keep-within-weekly 7m "
        + "--keep-within-monthly 8y --keep-within-yearly 9y --keep-tag a,b --keep-tag c");
  }

  @Test
  void fromFlags_namedPolicy_isGfsDefaultWithOverrides() throws Exception {
    ForgetPolicy p = ForgetPolicyParser.fromFlags(
        List.of("--keep-last", "3", "--policy", "gfs-default", "--keep-within-daily", "14d"));

    assertThat(p.last()).isEqualTo(3);
    assertThat(p.withinHourly()).isEqualTo(new RetentionDuration(0, 0, 7, 0));
    assertThat(p.withinDaily()).isEqualTo(new RetentionDuration(0, 0, 14, 0));
    assertThat(p.withinWeekly()).isEqualTo(new RetentionDuration(0, 0, 84, 0));
    assertThat(p.withinMonthly()).isEqualTo(new RetentionDuration(7, 0, 0, 0));
  }

  @Test
  void gfsDefault_isTheDocumentedMapping() {
    assertThat(ForgetPolicy.gfsDefault().toFlags()).isEqualTo("--keep-within-hourly 7d "
        + "--keep-within-daily 30d --keep-within-weekly 84d --keep-within-monthly 7y");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--keep-dayly 7|unknown option '--keep-dayly'",
    "--keep-daily|option '--keep-daily' needs a value",
    "--keep-daily -1|negative counts are not allowed",
    "--keep-daily seven|'seven' is not a count",
    "--keep-within 2w|invalid unit 'w' after 2",
    "--keep-within 3|no unit after 3",
    "--keep-within-daily -3d|negative duration",
    "--policy gold|unknown policy 'gold'",
    "7|unexpected argument '7'"
  })
  void fromFlags_badInput_explainsWhatToWrite(String flags, String message) {
    assertThatThrownBy(() -> ForgetPolicyParser.fromFlags(List.of(flags.split(" "))))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining(message);
  }

  @Test
  void fromMap_desiredState_readsNumbersStringsAndTagLists() throws Exception {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("policy", "gfs-default");
    settings.put("keep-last", 2);
    settings.put("keep-yearly", "unlimited");
    settings.put("keep-tag", List.of("pinned", "release,v1"));

    ForgetPolicy p = ForgetPolicyParser.fromMap(settings);

    assertThat(p.last()).isEqualTo(2);
    assertThat(p.yearly()).isEqualTo(ForgetPolicy.UNLIMITED);
    assertThat(p.withinMonthly()).isEqualTo(new RetentionDuration(7, 0, 0, 0));
    assertThat(p.keepTags()).containsExactly(List.of("pinned"), List.of("release", "v1"));
  }

  @Test
  void fromMap_unknownKey_namesTheKnownOnes() {
    assertThatThrownBy(() -> ForgetPolicyParser.fromMap(Map.of("keep_daily", 3)))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("unknown retention setting 'keep_daily'")
        .hasMessageContaining("keep-daily");
  }

  @Test
  void fromMap_wrongValueType_isRejected() {
    assertThatThrownBy(() -> ForgetPolicyParser.fromMap(Map.of("keep-daily", List.of(3))))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("'keep-daily' must be a number or a string");
  }

  @Test
  void fromFlags_nothing_isTheEmptyPolicy() throws Exception {
    assertThat(ForgetPolicyParser.fromFlags(List.of()).isEmpty()).isTrue();
    assertThat(ForgetPolicyParser.fromFlags(List.of("--keep-last", "0")).isEmpty()).isTrue();
    assertThat(ForgetPolicyParser.fromFlags(List.of("--keep-tag", "x")).isEmpty()).isFalse();
  }
}
