package dev.cairn.agent.image.archive;

import dev.cairn.agent.image.cache.StagedBlob;
import java.util.List;

/**
 * Follows an import while it runs, e.g. to send verified layers to the engine before the import
 * ends. Called on the importing thread; implementations must return quickly.
 */
public interface ImportListener {

  /** Does nothing. */
  ImportListener NONE = new ImportListener() {};

  /**
   * The images of a {@code docker save} archive read ahead, before any layer; called once, with an
   * empty list when the archive cannot be read ahead (compressed, OCI layout).
   */
  default void planned(List<LayerStack> stacks) {}

  /**
   * A file entry was staged and its digest equals the one its name (or the read-ahead config)
   * promises. Entries with no promised digest are not reported.
   */
  default void verified(String name, StagedBlob blob) {}
}
