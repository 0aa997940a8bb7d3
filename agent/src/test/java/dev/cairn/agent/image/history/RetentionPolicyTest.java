package dev.cairn.agent.image.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.agent.image.oci.Digest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

  private final Map<Digest, Long> sizes = new HashMap<>();
  private final Map<Digest, Set<Digest>> blobs = new HashMap<>();
  private final Digest shared = Digest.of("shared layer");

  private ImageVersion version(String repo, String tag, int minute, long ownBytes) {
    Digest manifest = Digest.of(repo + tag + "manifest");
    Digest own = Digest.of(repo + tag + "layer");
    sizes.put(manifest, 0L);
    sizes.put(own, ownBytes);
    sizes.put(shared, 1000L);
    blobs.put(manifest, Set.of(manifest, own, shared));
    return new ImageVersion(tag, manifest, Digest.of(repo + tag), ownBytes, 2, 1,
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * minute), "cli:test", null);
  }

  private RepositoryHistory history(String repo, String current, ImageVersion... versions) {
    RepositoryHistory h = RepositoryHistory.empty(repo);
    for (ImageVersion v : versions) {
      h = h.withVersion(v);
    }
    return current == null ? h : h.withCurrent(current, "current");
  }

  private RetentionPolicy.Plan apply(RetentionPolicy policy, RepositoryHistory... histories) {
    return policy.apply(List.of(histories), v -> blobs.get(v.manifest()), sizes);
  }

  @Test
  void apply_keepOne_removesOlderThanOnePrevious() {
    RepositoryHistory app = history("app", "4", version("app", "1", 1, 10), version("app", "2", 2, 10),
        version("app", "3", 3, 10), version("app", "4", 4, 10));

    RetentionPolicy.Plan plan = apply(new RetentionPolicy(1, 0), app);

    assertThat(plan.removed()).extracting(d -> d.version().tag()).containsExactly("1", "2");
    assertThat(plan.keptBytes()).isEqualTo(1000 + 20);
    assertThat(plan.overBudget()).isFalse();
  }

  @Test
  void apply_pendingVersionsAfterCurrent_areKept() {
    RepositoryHistory app = history("app", "2", version("app", "1", 1, 10), version("app", "2", 2, 10),
        version("app", "3", 3, 10));

    RetentionPolicy.Plan plan = apply(new RetentionPolicy(0, 0), app);

    assertThat(plan.removed()).extracting(d -> d.version().tag()).containsExactly("1");
    assertThat(plan.decisions()).filteredOn(d -> d.version().tag().equals("3")).singleElement()
        .satisfies(d -> assertThat(d.reason()).startsWith("pending"));
  }

  @Test
  void apply_noCurrent_keepsNewestAsAnchor() {
    RepositoryHistory app = history("app", null, version("app", "1", 1, 10), version("app", "2", 2, 10),
        version("app", "3", 3, 10));

    RetentionPolicy.Plan plan = apply(new RetentionPolicy(1, 0), app);

    assertThat(plan.removed()).extracting(d -> d.version().tag()).containsExactly("1");
  }

  @Test
  void apply_overBudget_dropsOldestPreviousAcrossRepositoriesFirst() {
    RepositoryHistory app = history("app", "3", version("app", "1", 1, 100), version("app", "2", 5, 100),
        version("app", "3", 6, 100));
    RepositoryHistory db = history("db", "2", version("db", "1", 2, 100), version("db", "2", 3, 100));

    RetentionPolicy.Plan plan = apply(new RetentionPolicy(5, 1000 + 350), app, db);

    assertThat(plan.removed()).extracting(d -> d.repository() + ":" + d.version().tag()).containsExactly("app:1", "db:1");
    assertThat(plan.keptBytes()).isEqualTo(1300);
    assertThat(plan.overBudget()).isFalse();
  }

  @Test
  void apply_budgetBelowCurrent_keepsCurrentAndReportsOverBudget() {
    RepositoryHistory app = history("app", "2", version("app", "1", 1, 100), version("app", "2", 2, 100));

    RetentionPolicy.Plan plan = apply(new RetentionPolicy(3, 10), app);

    assertThat(plan.removed()).extracting(d -> d.version().tag()).containsExactly("1");
    assertThat(plan.decisions()).filteredOn(RetentionPolicy.Decision::keep).extracting(d -> d.version().tag())
        .containsExactly("2");
    assertThat(plan.overBudget()).isTrue();
  }

  @Test
  void new_negativeKeep_isRejected() {
    assertThatThrownBy(() -> new RetentionPolicy(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
