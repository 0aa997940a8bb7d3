package dev.cairn.controller.service;

import dev.cairn.controller.error.ControllerException;
import dev.cairn.controller.error.NotFoundException;
import dev.cairn.controller.inventory.InventoryFiles;
import dev.cairn.controller.inventory.LoadedInventory;
import dev.cairn.controller.model.InventoryVersionRecord;
import dev.cairn.controller.store.ControllerStore;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stored inventory versions loaded back from their files, the last few kept in memory (an
 * inventory is immutable once stored). Thread-safe.
 */
final class InventoryVersions {
  private static final int CACHED = 4;

  private final ControllerStore store;
  private final Map<Long, LoadedInventory> cache = new LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, LoadedInventory> eldest) {
      return size() > CACHED;
    }
  };

  InventoryVersions(ControllerStore store) {
    this.store = store;
  }

  InventoryVersionRecord record(long version) throws NotFoundException {
    return store.inventory().get(version).orElseThrow(() ->
        new NotFoundException("No inventory version " + version
            + "; list them with GET /api/v1/inventory/versions"));
  }

  /** The version's inventory, loaded and resolved. */
  LoadedInventory load(long version) throws ControllerException, IOException {
    synchronized (cache) {
      LoadedInventory cached = cache.get(version);
      if (cached != null) {
        return cached;
      }
    }
    InventoryVersionRecord record = record(version);
    LoadedInventory loaded;
    try (InventoryFiles files = InventoryFiles.forStored(record.format(), record.source())) {
      store.inventory().files(version, files::write);
      loaded = LoadedInventory.load(files);
    }
    remember(version, loaded);
    return loaded;
  }

  void remember(long version, LoadedInventory loaded) {
    synchronized (cache) {
      cache.put(version, loaded);
    }
  }

  /** The applied inventory, if one is applied. */
  Optional<LoadedInventory> applied() throws ControllerException, IOException {
    var applied = store.inventory().applied();
    return applied.isPresent() ? Optional.of(load(applied.getAsLong())) : Optional.empty();
  }
}
