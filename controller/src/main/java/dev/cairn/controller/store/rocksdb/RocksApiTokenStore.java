package dev.cairn.controller.store.rocksdb;

import dev.cairn.controller.model.ApiTokenRecord;
import dev.cairn.controller.store.ApiTokenStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/** {@link ApiTokenStore} on the {@code tokens} column family (by id, and an index by hash). */
final class RocksApiTokenStore implements ApiTokenStore {
  private final RocksDatabase db;

  RocksApiTokenStore(RocksDatabase db) {
    this.db = db;
  }

  @Override
  public void create(ApiTokenRecord token) {
    try (WriteBatch batch = new WriteBatch()) {
      db.put(batch, KeySchema.TOKENS, KeySchema.tokenById(token.id()), db.encode(token));
      db.put(batch, KeySchema.TOKENS, KeySchema.tokenByHash(token.hash()),
          KeySchema.utf8(token.id()));
      db.write(batch, true);
    }
  }

  @Override
  public Optional<ApiTokenRecord> findByHash(String hash) {
    byte[] id = db.get(KeySchema.TOKENS, KeySchema.tokenByHash(hash));
    if (id == null) {
      return Optional.empty();
    }
    return db.read(KeySchema.TOKENS, KeySchema.tokenById(KeySchema.string(id)),
        ApiTokenRecord.class);
  }

  @Override
  public List<ApiTokenRecord> list() {
    List<ApiTokenRecord> tokens = new ArrayList<>();
    byte[] prefix = KeySchema.tokenByIdPrefix();
    try (RocksIterator it = db.iterator(KeySchema.TOKENS)) {
      for (it.seek(prefix); it.isValid() && KeySchema.startsWith(it.key(), prefix); it.next()) {
        tokens.add(db.decode(it.value(), ApiTokenRecord.class));
      }
    }
    return List.copyOf(tokens);
  }

  @Override
  public boolean delete(String id) {
    return db.locked("token:" + id, () -> {
      Optional<ApiTokenRecord> token =
          db.read(KeySchema.TOKENS, KeySchema.tokenById(id), ApiTokenRecord.class);
      if (token.isEmpty()) {
        return false;
      }
      try (WriteBatch batch = new WriteBatch()) {
        db.delete(batch, KeySchema.TOKENS, KeySchema.tokenById(id));
        db.delete(batch, KeySchema.TOKENS, KeySchema.tokenByHash(token.get().hash()));
        db.write(batch, true);
      }
      return true;
    });
  }
}
