package dev.cairn.agent.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.agent.image.testing.Commands;
import dev.cairn.agent.repository.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Retention#apply} against restic itself: a real restic repository gets snapshots at chosen
 * times (same hour, same day, ISO weeks across year ends, gaps of months, tags, two hosts), then
 * {@code restic forget --dry-run --json --group-by host} and Cairn judge the same snapshots with
 * the same flags. The installed restic (0.14) predates the rule of restic 0.17 that also keeps a
 * group's oldest snapshot while counts are left, so Cairn may keep more than restic, but only
 * snapshots it keeps for an {@code oldest ...} reason alone; everything else must match exactly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResticParityIT {

  /** UTC wall-clock times; host "h1" unless prefixed "h2 ", tags after '#'. */
  private static final List<String> SNAPSHOTS = List.of(
      "2021-06-15 08:00:00", "2022-03-01 12:00:00", "2022-12-31 23:30:00#pinned", "2023-01-01 00:30:00",
      "2023-07-04 09:00:00", "2024-02-29 18:00:00", "2024-11-30 06:00:00", "2024-12-23 06:00:00",
      "2024-12-29 12:00:00", "2024-12-30 12:00:00#pinned,monthly", "2025-01-01 06:00:00", "2025-01-05 06:00:00",
      "2025-01-06 06:00:00", "2025-01-20 00:00:00", "2025-01-20 06:00:00", "2025-01-20 06:59:59",
      "2025-01-20 07:00:00", "2025-01-20 12:00:00", "2025-01-21 18:00:00#pinned", "2025-01-22 00:00:00",
      "h2 2024-06-01 10:00:00", "h2 2025-01-01 10:00:00", "h2 2025-01-21 10:00:00");

  private Path tmp;
  private Map<String, String> env;
  private final List<SnapshotRef> refs = new ArrayList<>();

  static Stream<String> policies() {
    return Stream.of(
        "--keep-last 5",
        "--keep-hourly 3 --keep-daily 4",
        "--keep-daily 7 --keep-weekly 4 --keep-monthly 6 --keep-yearly 3",
        "--keep-weekly 4",
        "--keep-yearly 3",
        "--keep-monthly 30",
        "--keep-within 40d",
        "--keep-within 1y2m",
        "--keep-within-daily 10d --keep-within-weekly 60d --keep-within-monthly 1y",
        "--keep-within-hourly 2d --keep-within-yearly 5y",
        "--keep-tag pinned --keep-last 2",
        "--keep-tag pinned,monthly --keep-daily 2",
        "--keep-within-hourly 7d --keep-within-daily 30d --keep-within-weekly 84d --keep-within-monthly 7y");
  }

  @BeforeAll
  void createResticRepository(@TempDir Path dir) throws Exception {
    tmp = dir;
    Commands.require("restic", "restic");
    Path source = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(source.resolve("file"), "content");
    Files.writeString(tmp.resolve("password"), "parity\n");
    env = Map.of("RESTIC_REPOSITORY", tmp.resolve("repo").toString(),
        "RESTIC_PASSWORD_FILE", tmp.resolve("password").toString(),
        "RESTIC_CACHE_DIR", tmp.resolve("cache").toString(), "TZ", "UTC");
    restic("init");
    for (String spec : SNAPSHOTS) {
      String host = spec.startsWith("h2 ") ? "h2" : "h1";
      String[] timeAndTags = spec.substring(spec.startsWith("h2 ") ? 3 : 0).split("#");
      List<String> args = new ArrayList<>(List.of("backup", "--host", host, "--time", timeAndTags[0]));
      if (timeAndTags.length > 1) {
        args.addAll(List.of("--tag", timeAndTags[1]));
      }
      args.add(source.toString());
      restic(args.toArray(String[]::new));
    }
    for (JsonNode snapshot : JsonCodec.mapper().readTree(restic("snapshots", "--json"))) {
      List<String> tags = new ArrayList<>();
      snapshot.path("tags").forEach(t -> tags.add(t.asText()));
      refs.add(new SnapshotRef(snapshot.get("id").asText(), Instant.parse(snapshot.get("time").asText()),
          snapshot.get("hostname").asText(), "volume", tags));
    }
    assertThat(refs).hasSize(SNAPSHOTS.size());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void apply_sameSnapshotsAndFlags_keepsWhatResticKeeps(String flags) throws Exception {
    List<String> args = new ArrayList<>(List.of("forget", "--dry-run", "--json", "--group-by", "host"));
    args.addAll(Arrays.asList(flags.split(" ")));
    Set<String> resticKept = new TreeSet<>();
    Set<String> resticRemoved = new TreeSet<>();
    for (JsonNode group : JsonCodec.mapper().readTree(restic(args.toArray(String[]::new)))) {
      group.path("keep").forEach(s -> resticKept.add(s.get("id").asText()));
      group.path("remove").forEach(s -> resticRemoved.add(s.get("id").asText()));
    }
    assertThat(resticKept.size() + resticRemoved.size()).as("restic judged every snapshot").isEqualTo(refs.size());
    assertThat(resticRemoved).as("the policy removes something, so the comparison has teeth").isNotEmpty();

    List<Decision> decisions = Retention.apply(refs, ForgetPolicyParser.fromFlags(Arrays.asList(flags.split(" "))),
        Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    Set<String> cairnKept = new TreeSet<>();
    Map<String, List<String>> reasons = new HashMap<>();
    for (Decision decision : decisions) {
      if (decision.keep()) {
        cairnKept.add(decision.snapshot().id());
        reasons.put(decision.snapshot().id(), decision.reasons());
      }
    }
    assertThat(cairnKept).as("Cairn keeps everything restic keeps").containsAll(resticKept);
    for (String extra : cairnKept) {
      if (!resticKept.contains(extra)) {
        assertThat(reasons.get(extra)).as("%s is kept by Cairn only, so only by restic 0.17's oldest-snapshot rule",
            extra).allMatch(reason -> reason.startsWith("oldest "));
      }
    }
  }

  private String restic(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("restic", "--quiet"));
    command.addAll(List.of(args));
    Path out = tmp.resolve("restic.out");
    Path err = tmp.resolve("restic.err");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("restic timed out: " + command);
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new AssertionError("restic failed (exit " + process.exitValue() + "): " + command + "\n" + stdout
          + Files.readString(err, StandardCharsets.UTF_8));
    }
    return stdout;
  }
}
