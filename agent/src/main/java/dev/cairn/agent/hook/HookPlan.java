package dev.cairn.agent.hook;

import java.util.List;
import java.util.Objects;

/** One service's hooks: {@code pre} steps before its snapshot, {@code post} steps after it. Immutable. */
public record HookPlan(String service, List<HookStep> pre, List<HookStep> post) {

  public HookPlan {
    Objects.requireNonNull(service, "service");
    pre = List.copyOf(pre);
    post = List.copyOf(post);
  }
}
