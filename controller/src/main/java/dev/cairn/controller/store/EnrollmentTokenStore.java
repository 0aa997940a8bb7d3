package dev.cairn.controller.store;

import dev.cairn.controller.model.EnrollmentTokenRecord;
import java.time.Instant;
import java.util.Optional;

/** One-time enrollment tokens, found by the hash of their secret. */
public interface EnrollmentTokenStore {
  void create(EnrollmentTokenRecord token);

  Optional<EnrollmentTokenRecord> findByHash(String hash);

  /**
   * Spends the token for {@code node}, durably, if it is still unused; returns false if it was
   * spent already (by this or a concurrent call).
   */
  boolean markUsed(String hash, String node, Instant at);
}
