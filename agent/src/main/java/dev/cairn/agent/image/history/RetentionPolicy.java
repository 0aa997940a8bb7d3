package dev.cairn.agent.image.history;

import dev.cairn.agent.image.oci.Digest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which versions garbage collection keeps: per repository the current version (or, if none was made
 * current, the newest), every pending version (imported after the current one), and {@code keep}
 * previous versions; then, while the blobs of the kept versions exceed {@code budgetBytes} (0 = no
 * budget), previous versions are dropped oldest first across repositories, then pending ones. The
 * current version is never dropped. Immutable.
 */
public record RetentionPolicy(int keep, long budgetBytes) {

  public static final int DEFAULT_KEEP = 2;

  public RetentionPolicy {
    if (keep < 0) {
      throw new IllegalArgumentException("--keep must be 0 or more, not " + keep);
    }
    if (budgetBytes < 0) {
      throw new IllegalArgumentException("--budget must be 0 (none) or more, not " + budgetBytes);
    }
  }

  /** The decision for one version, with the reason an operator reads. */
  public record Decision(String repository, ImageVersion version, boolean keep, String reason) {}

  /** Every version's decision, and the bytes the kept versions' blobs take. */
  public record Plan(List<Decision> decisions, long keptBytes, boolean overBudget) {
    public Plan {
      decisions = List.copyOf(decisions);
    }

    public List<Decision> removed() {
      return decisions.stream().filter(d -> !d.keep()).toList();
    }
  }

  /**
   * Decides, for every version of every repository, keep or remove. {@code blobsOf} gives the blobs
   * a version needs (manifest, config, layers); {@code sizes} their sizes.
   */
  public Plan apply(List<RepositoryHistory> histories, Function<ImageVersion, Set<Digest>> blobsOf, Map<Digest, Long> sizes) {
    Map<String, Decision> decisions = new LinkedHashMap<>();
    List<Decision> previous = new ArrayList<>();
    List<Decision> pending = new ArrayList<>();
    for (RepositoryHistory history : histories) {
      List<ImageVersion> versions = history.versions();
      if (versions.isEmpty()) {
        continue;
      }
      int anchor = history.indexOf(history.current());
      boolean hasCurrent = anchor >= 0;
      anchor = hasCurrent ? anchor : versions.size() - 1;
      for (int i = 0; i < versions.size(); i++) {
        ImageVersion v = versions.get(i);
        Decision d;
        if (i == anchor) {
          d = new Decision(history.repository(), v, true, hasCurrent ? "current" : "newest (none made current yet)");
        } else if (i > anchor) {
          d = new Decision(history.repository(), v, true, "pending: imported after the current version");
          pending.add(d);
        } else if (anchor - i <= keep) {
          d = new Decision(history.repository(), v, true, "previous version " + (anchor - i) + " of " + keep + " kept");
          previous.add(d);
        } else {
          d = new Decision(history.repository(), v, false, "older than the " + keep + " previous versions kept");
        }
        decisions.put(history.repository() + ":" + v.tag(), d);
      }
    }
    List<Decision> droppable = new ArrayList<>();
    previous.sort(Comparator.comparing(d -> d.version().importedAt()));
    pending.sort(Comparator.comparing(d -> d.version().importedAt()));
    droppable.addAll(previous);
    droppable.addAll(pending);
    long kept = keptBytes(decisions.values(), blobsOf, sizes);
    for (Decision candidate : droppable) {
      if (budgetBytes == 0 || kept <= budgetBytes) {
        break;
      }
      decisions.put(
          candidate.repository() + ":" + candidate.version().tag(),
          new Decision(candidate.repository(), candidate.version(), false, "dropped to fit the budget of " + budgetBytes + " bytes"));
      kept = keptBytes(decisions.values(), blobsOf, sizes);
    }
    return new Plan(List.copyOf(decisions.values()), kept, budgetBytes > 0 && kept > budgetBytes);
  }

  private static long keptBytes(
      Iterable<Decision> decisions, Function<ImageVersion, Set<Digest>> blobsOf, Map<Digest, Long> sizes) {
    Set<Digest> blobs = new HashSet<>();
    for (Decision d : decisions) {
      if (d.keep()) {
        blobs.addAll(blobsOf.apply(d.version()));
      }
    }
    return blobs.stream().mapToLong(b -> sizes.getOrDefault(b, 0L)).sum();
  }
}
