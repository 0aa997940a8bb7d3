package dev.cairn.agent.hook;

import dev.cairn.inventory.desired.Hook;
import dev.cairn.inventory.desired.ServiceHooks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the hooks of the desired-state document ({@code hooks}, resolved by the inventory from
 * {@code cairn_hooks}) into runnable plans, checking each step again: the document may come from
 * another controller version or be written by hand, and a hook that cannot run must be refused
 * before a snapshot begins, not half-way. Stateless.
 */
public final class HookDeclarations {

  private HookDeclarations() {}

  /** Every service's plan, in document order; all problems are reported together. */
  public static List<HookPlan> plans(List<ServiceHooks> declared) throws HookDeclarationException {
    List<String> problems = new ArrayList<>();
    List<HookPlan> plans = new ArrayList<>();
    for (ServiceHooks service : declared) {
      String name = service.service() == null || service.service().isBlank() ? null : service.service();
      if (name == null) {
        problems.add("hooks: a service entry has no service name");
        continue;
      }
      List<HookStep> pre = steps(name, "pre", service.pre(), problems);
      List<HookStep> post = steps(name, "post", service.post(), problems);
      plans.add(new HookPlan(name, pre, post));
    }
    if (!problems.isEmpty()) {
      throw new HookDeclarationException("the hooks cannot run as declared; fix cairn_hooks and push the desired "
          + "state again:\n  " + String.join("\n  ", problems));
    }
    return List.copyOf(plans);
  }

  /** The plans of the services in {@code services} (those whose volumes a snapshot covers), in document order. */
  public static List<HookPlan> forServices(List<HookPlan> plans, java.util.Collection<String> services) {
    return plans.stream().filter(p -> services.contains(p.service())).toList();
  }

  private static List<HookStep> steps(String service, String phase, List<Hook> hooks, List<String> problems) {
    List<HookStep> steps = new ArrayList<>();
    for (int i = 0; i < hooks.size(); i++) {
      String at = "cairn_hooks." + service + "." + phase + "[" + i + "]";
      step(hooks.get(i), at, problems).ifPresent(steps::add);
    }
    return steps;
  }

  private static Optional<HookStep> step(Hook hook, String at, List<String> problems) {
    int before = problems.size();
    if (hook.type() == null) {
      problems.add(at + ": unknown kind; a step is one of command, exec, pause, unpause");
      return Optional.empty();
    }
    if (hook.timeoutSeconds() <= 0) {
      problems.add(at + ".timeout: must be positive, not " + hook.timeoutSeconds() + "s");
    }
    if (hook.onError() == null) {
      problems.add(at + ".on_error: must be fail or continue");
    }
    boolean needsArgv = hook.type() == Hook.Type.COMMAND || hook.type() == Hook.Type.EXEC;
    if (needsArgv && (hook.command().isEmpty() || hook.command().stream().anyMatch(a -> a == null))) {
      problems.add(at + ".command: missing argv; give the command as a list of arguments, e.g. [psql, -c, CHECKPOINT]");
    }
    if (!needsArgv && !hook.command().isEmpty()) {
      problems.add(at + ": a " + kind(hook) + " step runs no command; remove command");
    }
    boolean needsContainer = hook.type() != Hook.Type.COMMAND;
    if (needsContainer && (hook.container() == null || hook.container().isBlank())) {
      problems.add(at + ": " + kind(hook) + " needs the container's name or id");
    }
    if (!needsContainer && hook.container() != null) {
      problems.add(at + ": a command step runs on the node; use exec to run in container " + hook.container());
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    Duration timeout = Duration.ofSeconds(hook.timeoutSeconds());
    OnError onError = hook.onError() == Hook.OnError.CONTINUE ? OnError.CONTINUE : OnError.FAIL;
    Map<String, String> env = hook.env();
    return Optional.of(switch (hook.type()) {
      case COMMAND -> new HookStep.Command(hook.command(), env, timeout, onError);
      case EXEC -> new HookStep.Exec(hook.container(), hook.command(), env, timeout, onError);
      case PAUSE -> new HookStep.Pause(hook.container(), timeout, onError);
      case UNPAUSE -> new HookStep.Unpause(hook.container(), timeout, onError);
    });
  }

  private static String kind(Hook hook) {
    return hook.type().name().toLowerCase(java.util.Locale.ROOT);
  }
}
