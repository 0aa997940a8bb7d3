package dev.cairn.controller.store;

import dev.cairn.controller.model.ApiTokenRecord;
import java.util.List;
import java.util.Optional;

/** API tokens, found by the hash of their secret. */
public interface ApiTokenStore {
  void create(ApiTokenRecord token);

  Optional<ApiTokenRecord> findByHash(String hash);

  List<ApiTokenRecord> list();

  /** Removes the token; false if there was none with that id. */
  boolean delete(String id);
}
