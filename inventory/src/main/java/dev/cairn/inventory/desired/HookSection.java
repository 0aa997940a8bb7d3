package dev.cairn.inventory.desired;

import dev.cairn.inventory.desired.Hook.OnError;
import dev.cairn.inventory.desired.Hook.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Resolves {@code cairn_hooks}: per service, {@code pre} and {@code post} lists of steps, each
 * exactly one of {@code command: [argv]} (on the node), {@code exec: {container, command}}
 * ({@code docker exec}), {@code pause: CONTAINER} or {@code unpause: CONTAINER}, with an optional
 * {@code timeout} (default 30s), {@code on_error} ({@code fail}, the default, or
 * {@code continue}) and, for command and exec steps, {@code env} (a mapping of variables).
 */
final class HookSection {

  private static final long DEFAULT_TIMEOUT_SECONDS = 30;

  private HookSection() {}

  static List<ServiceHooks> hooks(CairnVariables vars, Set<String> services) {
    List<ServiceHooks> result = new ArrayList<>();
    vars.spec("cairn_hooks").ifPresent(spec -> {
      for (Map.Entry<String, Object> e : spec.entries().entrySet()) {
        String service = e.getKey();
        if (!services.contains(service)) {
          spec.problem(service, "no volume of this host belongs to service '" + service
              + "' (services with volumes: " + services + ")");
          continue;
        }
        Spec.of(e.getValue(), "cairn_hooks." + service, spec.origin(), spec.problems())
            .ifPresent(s -> {
              s.only("pre", "post");
              result.add(new ServiceHooks(service, steps(s, "pre"), steps(s, "post")));
            });
      }
    });
    result.sort(Comparator.comparing(ServiceHooks::service));
    return result;
  }

  private static List<Hook> steps(Spec spec, String key) {
    Object value = spec.entries().get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      spec.problem(key, "must be a list of hook steps");
      return List.of();
    }
    List<Hook> hooks = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = spec.path() + "." + key + "[" + i + "]";
      Spec.of(list.get(i), at, spec.origin(), spec.problems()).ifPresent(s -> {
        Hook hook = step(s);
        if (hook != null) {
          hooks.add(hook);
        }
      });
    }
    return hooks;
  }

  private static Hook step(Spec s) {
    s.only("command", "exec", "pause", "unpause", "timeout", "on_error", "env");
    List<String> kinds = new ArrayList<>();
    for (String kind : List.of("command", "exec", "pause", "unpause")) {
      if (s.has(kind)) {
        kinds.add(kind);
      }
    }
    if (kinds.size() != 1) {
      s.problem(null, "a hook step has exactly one of command, exec, pause, unpause; found "
          + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
      return null;
    }
    long timeout = s.seconds("timeout", DEFAULT_TIMEOUT_SECONDS);
    if (timeout < 1) {
      s.problem("timeout", "must be at least 1s");
    }
    OnError onError = s.choice("on_error", OnError.class, OnError.FAIL);
    Map<String, String> env = env(s);
    switch (kinds.get(0)) {
      case "command" -> {
        return new Hook(Type.COMMAND, null, argv(s, s, "command"), timeout, onError, env);
      }
      case "exec" -> {
        return s.spec("exec").map(e -> {
          e.only("container", "command");
          String container = e.string("container", null);
          if (container == null) {
            e.problem("container", "exec needs the container to run in");
          }
          return new Hook(Type.EXEC, container, argv(e, e, "command"), timeout, onError, env);
        }).orElse(null);
      }
      default -> {
        String kind = kinds.get(0);
        if (!env.isEmpty()) {
          s.problem("env", "only command and exec steps take env; " + kind + " runs nothing");
        }
        return new Hook(kind.equals("pause") ? Type.PAUSE : Type.UNPAUSE,
            s.string(kind, null), List.of(), timeout, onError);
      }
    }
  }

  private static Map<String, String> env(Spec s) {
    Map<String, String> env = new TreeMap<>();
    if (!s.has("env")) {
      return env;
    }
    s.spec("env").ifPresent(e -> e.entries().forEach((name, value) -> {
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        e.problem(name, "is not an environment variable name (letters, digits, _; not starting with a digit)");
      } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
        env.put(name, String.valueOf(value));
      } else {
        e.problem(name, "must be a string, not " + Spec.describe(value));
      }
    }));
    return env;
  }

  private static List<String> argv(Spec owner, Spec spec, String key) {
    if (!(spec.entries().get(key) instanceof List)) {
      owner.problem(key, "must be the command as a list of arguments, e.g. [pg_dump, -f,"
          + " /backup/db.sql]");
      return List.of();
    }
    List<String> argv = spec.strings(key);
    if (argv.isEmpty()) {
      spec.problem(key, "must not be empty");
    }
    return argv;
  }
}
