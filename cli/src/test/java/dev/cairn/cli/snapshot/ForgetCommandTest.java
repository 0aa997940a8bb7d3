package dev.cairn.cli.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.agent.backend.BackendFactory;
import dev.cairn.agent.crypto.KeyRing;
import dev.cairn.agent.repository.JsonCodec;
import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.SnapshotRecord;
import dev.cairn.cli.inventory.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code cairn forget} as an operator runs it, against a real repository whose snapshot records
 * carry chosen times, hosts, volumes and tags: table-driven cases of restic's semantics (counts,
 * gaps, ISO weeks across the year end, time zones, tags, within rules counted from the latest
 * snapshot, future snapshots, ties, grouping, gfs-default), refusals and bad input, and real
 * removal with {@code --prune}.
 */
class ForgetCommandTest {

  private static final String NOW = "2026-01-01T00:00:00Z";

  @TempDir Path tmp;
  private Path password;
  private String repo;
  private final Map<String, String> names = new TreeMap<>();
  private String out;
  private String err;

  /** A table case: flags, snapshots as "name@UTC time[#tag,tag][@host/volume]", the names kept. */
  record Case(String name, String flags, List<String> snapshots, List<String> kept) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    List<String> sundays = new ArrayList<>();
    for (int day = 1; day <= 29; day += 7) {
      sundays.add(String.format("sep%02d@2019-09-%02dT11:00", day, day));
    }
    List<String> sixHourly = new ArrayList<>();
    for (int day = 1; day <= 10; day++) {
      for (int hour = 0; hour < 24; hour += 6) {
        sixHourly.add(String.format("d%02dh%02d@2025-01-%02dT%02d:00", day, hour, day, hour));
      }
    }
    List<String> gfsRemoved = List.of("d01h06", "d01h12", "d02h00", "d02h06", "d02h12", "d03h00", "d03h06", "d03h12");
    List<String> gfsKept = sixHourly.stream().map(s -> s.substring(0, s.indexOf('@')))
        .filter(n -> !gfsRemoved.contains(n)).toList();
    return Stream.of(
        new Case("keep-last counts snapshots", "--keep-last 2", sundays, List.of("sep22", "sep29")),
        new Case("keep-daily skips days without snapshots", "--keep-daily 3", sundays,
            List.of("sep15", "sep22", "sep29")),
        new Case("keep-weekly: 30 Dec 2024 is in ISO week 2025-01", "--keep-weekly 2",
            List.of("sun29@2024-12-29T12:00", "mon30@2024-12-30T12:00", "wed01@2025-01-01T12:00",
                "sun05@2025-01-05T12:00"),
            List.of("sun29", "sun05")),
        new Case("keep-yearly: 30 Dec 2024 is in year 2024", "--keep-yearly 2",
            List.of("jun23@2023-06-01T12:00", "dec30@2024-12-30T12:00", "jan01@2025-01-01T12:00"),
            List.of("dec30", "jan01")),
        new Case("keep-monthly with counts left keeps the oldest too", "--keep-monthly 5", sundays,
            List.of("sep01", "sep29")),
        new Case("keep-daily in UTC", "--keep-daily 2 --time-zone UTC",
            List.of("early@2025-01-01T10:00", "late@2025-01-01T22:30", "later@2025-01-01T23:30"),
            List.of("early", "later")),
        new Case("keep-daily in Europe/Berlin: 23:30Z is already 2 January", "--keep-daily 2 --time-zone Europe/Berlin",
            List.of("early@2025-01-01T10:00", "late@2025-01-01T22:30", "later@2025-01-01T23:30"),
            List.of("late", "later")),
        new Case("keep-tag keeps every tagged snapshot", "--keep-tag important --keep-last 1",
            List.of("a@2025-01-01T00:00#important", "b@2025-01-02T00:00", "c@2025-01-03T00:00#important,x",
                "d@2025-01-04T00:00"),
            List.of("a", "c", "d")),
        new Case("keep-tag with a list needs all tags", "--keep-tag important,x",
            List.of("a@2025-01-01T00:00#important", "c@2025-01-03T00:00#important,x"), List.of("c")),
        new Case("keep-within counts from the latest snapshot, not from now", "--keep-within 2d",
            List.of("old@2020-01-01T00:00", "edge@2020-01-08T00:00", "in@2020-01-08T00:01", "latest@2020-01-10T00:00"),
            List.of("in", "latest")),
        new Case("a snapshot from the future does not move the window and is kept", "--keep-within 1d",
            List.of("a@2025-12-29T12:00", "b@2025-12-30T12:00", "future@2026-02-01T00:00"),
            List.of("b", "future")),
        new Case("ties at the same second are ordered by id", "--keep-last 1",
            List.of("bbb@2025-01-01T00:00", "aaa@2025-01-01T00:00"), List.of("aaa")),
        new Case("unlimited keeps the newest of every bucket, and the oldest", "--keep-daily unlimited",
            List.of("a@2025-01-01T01:00", "b@2025-01-01T02:00", "c@2025-01-01T03:00", "d@2025-01-02T01:00"),
            List.of("a", "c", "d")),
        new Case("groups by host and volume", "--keep-last 1",
            List.of("a1@2025-01-01T00:00@h1/a", "a2@2025-01-02T00:00@h1/a", "b1@2025-01-01T00:00@h1/b",
                "x1@2025-01-01T00:00@h2/a", "x2@2025-01-03T00:00@h2/a"),
            List.of("a2", "b1", "x2")),
        new Case("gfs-default on 6-hourly snapshots", "--policy gfs-default", sixHourly, gfsKept),
        new Case("flags override gfs-default", "--policy gfs-default --keep-within-hourly 1d",
            List.of("a@2025-01-01T00:00", "b@2025-01-01T06:00", "c@2025-01-01T12:00", "d@2025-01-02T06:00",
                "e@2025-01-02T12:00"),
            List.of("a", "c", "d", "e")));
  }

  @BeforeEach
  void setUp() throws Exception {
    password = Files.writeString(tmp.resolve("pw"), "s3cret\n");
    repo = tmp.resolve("repo").toString();
    Path source = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(source.resolve("a.txt"), "alpha");
    assertThat(run("repo", "init", "--repo", repo, "--password-file", password.toString(), "--kdf-n", "1024"))
        .as(err).isZero();
    assertThat(run("snapshot", "--repo", repo, "--password-file", password.toString(), "--volume", "vol",
        source.toString())).as(err).isZero();
  }

  private int run(String... args) {
    CliRun result = CliRun.of(args);
    out = result.out();
    err = result.err();
    return result.status();
  }

  private int forget(String flags) {
    List<String> args = new ArrayList<>(List.of("forget", "--repo", repo, "--password-file", password.toString(),
        "--now", NOW));
    if (!flags.contains("--time-zone")) {
      args.addAll(List.of("--time-zone", "UTC"));
    }
    args.addAll(Arrays.asList(flags.split(" ")));
    return run(args.toArray(String[]::new));
  }

  private Repository open() throws Exception {
    return KeyRing.openRepository(BackendFactory.open(repo), "s3cret".getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Replaces the repository's snapshot records by ones at the given times (all sharing the real
   * snapshot's tree); names become ids ("a" → "61000…").
   */
  private void records(List<String> specs) throws Exception {
    Repository repository = open();
    SnapshotRecord base = repository.snapshots().get(0);
    repository.removeSnapshot(base.id());
    for (String spec : specs) {
      String[] parts = spec.split("@");
      String[] timeAndTags = parts[1].split("#");
      String host = parts.length > 2 ? parts[2].split("/")[0] : "node";
      String volume = parts.length > 2 ? parts[2].split("/")[1] : "vol";
      String id = (HexFormat.of().formatHex(parts[0].getBytes(StandardCharsets.UTF_8)) + "0".repeat(64))
          .substring(0, 64);
      names.put(id, parts[0]);
      String time = LocalDateTime.parse(timeAndTags[0]).toInstant(ZoneOffset.UTC).toString();
      List<String> tags = timeAndTags.length > 1 ? List.of(timeAndTags[1].split(",")) : List.of();
      repository.saveSnapshot(new SnapshotRecord(SnapshotRecord.VERSION, id, time, host, volume, base.path(), tags,
          null, base.root(), false, List.of(), base.summary(), base.program(), null));
    }
  }

  private List<String> namesIn(JsonNode report, String list) {
    List<String> found = new ArrayList<>();
    for (JsonNode group : report.get("groups")) {
      for (JsonNode entry : group.get(list)) {
        found.add(names.get(entry.get("id").asText()));
      }
    }
    return found;
  }

  private List<String> remainingNames() throws Exception {
    return open().snapshots().stream().map(r -> names.get(r.id())).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void forget_dryRun_keepsWhatResticKeeps(Case c) throws Exception {
    records(c.snapshots());

    assertThat(forget(c.flags() + " --dry-run --json")).as(err).isZero();

    JsonNode report = JsonCodec.mapper().readTree(out);
    assertThat(new TreeSet<>(namesIn(report, "keep"))).isEqualTo(new TreeSet<>(c.kept()));
    assertThat(namesIn(report, "keep").size() + namesIn(report, "remove").size()).isEqualTo(c.snapshots().size());
    assertThat(report.get("dryRun").asBoolean()).isTrue();
    assertThat(remainingNames()).hasSize(c.snapshots().size());
  }

  @Test
  void forget_dryRunHuman_listsKeepAndRemoveWithReasons() throws Exception {
    records(List.of("a@2025-01-01T10:00", "b@2025-01-02T10:00", "c@2025-01-02T11:00"));

    assertThat(forget("--keep-daily 1 --keep-last 1 --dry-run")).as(err).isZero();

    assertThat(out).contains("policy: --keep-last 1 --keep-daily 1")
        .contains("host node, volume vol: keep 1, would remove 2")
        .containsPattern("keep +63000000  2025-01-02 11:00:00 +last snapshot, daily snapshot")
        .containsPattern("remove +62000000  2025-01-02 10:00:00")
        .contains("dry run: 2 snapshot(s) would be removed, 1 kept; nothing was changed");
    assertThat(remainingNames()).hasSize(3);
  }

  @Test
  void forget_withPrune_removesRecordsPrunesAndTheRestStillRestores() throws Exception {
    records(List.of("a@2025-01-01T10:00", "b@2025-01-02T10:00", "c@2025-01-03T10:00"));

    assertThat(forget("--keep-last 2 --prune --json")).as(err).isZero();

    JsonNode report = JsonCodec.mapper().readTree(out);
    assertThat(report.get("removed").asInt()).isEqualTo(1);
    assertThat(report.get("kept").asInt()).isEqualTo(2);
    assertThat(report.get("prune").get("packsKept").asInt()).isPositive();
    assertThat(remainingNames()).containsExactly("b", "c");
    assertThat(run("verify", "--repo", repo, "--password-file", password.toString(), "--read-data")).as(out).isZero();
    assertThat(run("restore", "--repo", repo, "--password-file", password.toString(), "latest", "--target",
        tmp.resolve("out").toString())).as(err).isZero();
    assertThat(Files.readString(tmp.resolve("out/a.txt"))).isEqualTo("alpha");
  }

  @Test
  void forget_ids_removesThoseSnapshots() throws Exception {
    records(List.of("a@2025-01-01T10:00", "b@2025-01-02T10:00"));

    assertThat(run("forget", "--repo", repo, "--password-file", password.toString(), "61000000")).as(err).isZero();

    assertThat(out).contains("removed 1 snapshot(s)").contains("run 'cairn prune' to free their space");
    assertThat(remainingNames()).containsExactly("b");
  }

  @Test
  void forget_policyKeepingNothing_refusesUnlessAllowed() throws Exception {
    records(List.of("a@2025-01-01T10:00#daily", "b@2025-01-02T10:00#daily"));

    assertThat(forget("--keep-tag importnat")).isEqualTo(1);
    assertThat(err).contains("refusing to remove all 2 snapshot(s) of host 'node', volume 'vol'")
        .contains("--unsafe-allow-remove-all").doesNotContain("Exception");
    assertThat(remainingNames()).hasSize(2);

    assertThat(forget("--keep-tag importnat --unsafe-allow-remove-all")).as(err).isZero();
    assertThat(remainingNames()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void forget_badInput_failsWithClearMessageAndRemovesNothing(String flags, String message) throws Exception {
    records(List.of("a@2025-01-01T10:00", "b@2025-01-02T10:00"));

    assertThat(forget(flags)).isEqualTo(1);

    assertThat(err).contains(message).doesNotContain("Exception");
    assertThat(remainingNames()).hasSize(2);
  }

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of("--dry-run", "no policy given"),
        Arguments.of("--keep-last -1", "negative counts are not allowed"),
        Arguments.of("--keep-daily seven", "is not a count"),
        Arguments.of("--keep-within 2w", "for weeks write days"),
        Arguments.of("--policy gfs", "unknown policy 'gfs'"),
        Arguments.of("--keep-last 1 --time-zone Mars/Olympus", "unknown zone"),
        Arguments.of("--keep-last 1 61000000", "not both"));
  }
}
