package dev.cairn.agent.image;

/**
 * What asked for an operation: {@code cli} with the command, {@code command} with the agent command's
 * idempotency id, or {@code bundle} with the bundle id. Recorded in histories and events.
 */
public record Source(String kind, String id) {

  public static Source cli(String command) {
    return new Source("cli", command);
  }

  public static Source command(String idempotencyId) {
    return new Source("command", idempotencyId);
  }

  public static Source bundle(String bundleId) {
    return new Source("bundle", bundleId);
  }

  @Override
  public String toString() {
    return kind + ":" + id;
  }
}
