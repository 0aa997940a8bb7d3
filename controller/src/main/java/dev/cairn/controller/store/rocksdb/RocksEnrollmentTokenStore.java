package dev.cairn.controller.store.rocksdb;

import dev.cairn.controller.model.EnrollmentTokenRecord;
import dev.cairn.controller.store.EnrollmentTokenStore;
import java.time.Instant;
import java.util.Optional;

/** {@link EnrollmentTokenStore} on the {@code enrollment-tokens} column family. */
final class RocksEnrollmentTokenStore implements EnrollmentTokenStore {
  private final RocksDatabase db;

  RocksEnrollmentTokenStore(RocksDatabase db) {
    this.db = db;
  }

  @Override
  public void create(EnrollmentTokenRecord token) {
    db.put(KeySchema.ENROLLMENT_TOKENS, KeySchema.enrollmentToken(token.hash()), db.encode(token),
        true);
  }

  @Override
  public Optional<EnrollmentTokenRecord> findByHash(String hash) {
    return db.read(KeySchema.ENROLLMENT_TOKENS, KeySchema.enrollmentToken(hash),
        EnrollmentTokenRecord.class);
  }

  @Override
  public boolean markUsed(String hash, String node, Instant at) {
    return db.locked("enrollment-token:" + hash, () -> {
      Optional<EnrollmentTokenRecord> token = findByHash(hash);
      if (token.isEmpty() || token.get().used()) {
        return false;
      }
      db.put(KeySchema.ENROLLMENT_TOKENS, KeySchema.enrollmentToken(hash),
          db.encode(token.get().withUse(at, node)), true);
      return true;
    });
  }
}
