package dev.cairn.agent.command;

import java.util.List;
import java.util.Objects;

/**
 * A command the controller (or a sneakernet bundle) asks this node to run. Every command carries
 * its idempotency {@link #id()}: a node applies an id at most once, however often it arrives.
 * The records mirror {@code cairn.v1.Command} in the proto; {@link CommandCodec} converts. Each
 * kind is run by the {@link CommandHandler} registered for its class in a {@link
 * CommandRegistry}. Immutable.
 */
public sealed interface Command {

  /** The idempotency id. */
  String id();

  /** The kind's name in the REST API and in logs, e.g. {@code ping}, {@code report-health}. */
  String kind();

  /** Answers with its payload; proves the round trip. */
  record Ping(String id, String payload) implements Command {
    public Ping {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(payload, "payload");
    }

    @Override
    public String kind() {
      return "ping";
    }
  }

  /** Sends a health report now instead of waiting for the next interval. */
  record ReportHealth(String id) implements Command {
    public ReportHealth {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String kind() {
      return "report-health";
    }
  }

  /** Snapshots one volume (empty = every volume with a backup policy) into a repository. */
  record TakeSnapshot(String id, String volume, List<String> tags, String repository) implements Command {
    public TakeSnapshot {
      Objects.requireNonNull(id, "id");
      tags = List.copyOf(tags);
    }

    @Override
    public String kind() {
      return "snapshot";
    }
  }

  /** Restores a snapshot ("latest" or an id) of a volume, in place or into {@code target}. */
  record Restore(String id, String volume, String snapshot, String target, List<String> include,
      String repository) implements Command {
    public Restore {
      Objects.requireNonNull(id, "id");
      include = List.copyOf(include);
    }

    @Override
    public String kind() {
      return "restore";
    }
  }

  /** Verifies a repository, reading {@code readDataPercent} of its data (0 = structure only). */
  record Verify(String id, String repository, double readDataPercent) implements Command {
    public Verify {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String kind() {
      return "verify";
    }
  }

  /** Restores a snapshot into a scratch directory and checks it, leaving the volume alone. */
  record RestoreTest(String id, String volume, String snapshot, String repository) implements Command {
    public RestoreTest {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String kind() {
      return "restore-test";
    }
  }

  /** Applies a retention policy to a volume's snapshots, optionally pruning data. */
  record Forget(String id, String volume, String policy, boolean prune, boolean dryRun, String repository)
      implements Command {
    public Forget {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String kind() {
      return "forget";
    }
  }

  /** Removes data no snapshot references from a repository. */
  record Prune(String id, String repository) implements Command {
    public Prune {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String kind() {
      return "prune";
    }
  }

  /** Loads images from the node's image cache into Docker. */
  record LoadImages(String id, List<String> images) implements Command {
    public LoadImages {
      Objects.requireNonNull(id, "id");
      images = List.copyOf(images);
    }

    @Override
    public String kind() {
      return "load-images";
    }
  }

  /** Rolls an image back to a tag (empty = the previous version). */
  record RollbackImage(String id, String image, String toTag) implements Command {
    public RollbackImage {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String kind() {
      return "rollback-image";
    }
  }
}
