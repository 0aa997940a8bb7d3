package dev.cairn.agent.image.oci;

import java.util.ArrayList;
import java.util.List;

/**
 * Chain ids: the identity of a layer stacked on the layers below it, {@code chain(0) = diff(0)},
 * {@code chain(n) = sha256(chain(n-1) + " " + diff(n))} (the OCI image spec's definition, which the
 * Docker engine uses to key its layer store).
 */
public final class ChainIds {

  private ChainIds() {}

  public static List<Digest> of(List<Digest> diffIds) {
    List<Digest> chains = new ArrayList<>(diffIds.size());
    Digest previous = null;
    for (Digest diff : diffIds) {
      previous = previous == null ? diff : Digest.of(previous + " " + diff);
      chains.add(previous);
    }
    return List.copyOf(chains);
  }
}
