package dev.cairn.inventory.desired;

import java.util.List;

/**
 * The hooks run around a snapshot of a service's volumes, Velero-style: {@code pre} before the
 * snapshot starts, {@code post} after it ends (also when it failed). Immutable.
 */
public record ServiceHooks(String service, List<Hook> pre, List<Hook> post) {
  public ServiceHooks {
    pre = List.copyOf(pre);
    post = List.copyOf(post);
  }
}
