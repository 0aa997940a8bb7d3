package dev.cairn.agent.command;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which {@link CommandHandler} runs which {@link Command} record class. Built once at start-up by
 * the daemon (each feature registers its handler with one line); immutable afterwards and
 * thread-safe. A command with no handler ends {@link Outcome#FAILED} ("not supported by this
 * agent").
 */
public final class CommandRegistry {

  private final Map<Class<? extends Command>, CommandHandler<?>> handlers;

  private CommandRegistry(Map<Class<? extends Command>, CommandHandler<?>> handlers) {
    this.handlers = Map.copyOf(handlers);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The handler registered for the command's class, if any. */
  @SuppressWarnings("unchecked")
  public <C extends Command> Optional<CommandHandler<C>> handlerFor(C command) {
    return Optional.ofNullable((CommandHandler<C>) handlers.get(command.getClass()));
  }

  /** Whether a handler is registered for {@code type}. */
  public boolean supports(Class<? extends Command> type) {
    return handlers.containsKey(type);
  }

  /** Collects handlers; each command class may have one. Not thread-safe. */
  public static final class Builder {
    private final Map<Class<? extends Command>, CommandHandler<?>> handlers = new HashMap<>();

    private Builder() {}

    /**
     * Registers {@code handler} for commands of {@code type}.
     *
     * @throws IllegalStateException if {@code type} already has a handler
     */
    public <C extends Command> Builder register(Class<C> type, CommandHandler<? super C> handler) {
      Objects.requireNonNull(handler, "handler");
      if (handlers.putIfAbsent(type, handler) != null) {
        throw new IllegalStateException("a handler for " + type.getSimpleName() + " is already registered");
      }
      return this;
    }

    /** Registers {@code handler} for {@code type}, replacing any handler registered before. */
    public <C extends Command> Builder replace(Class<C> type, CommandHandler<? super C> handler) {
      handlers.put(type, Objects.requireNonNull(handler, "handler"));
      return this;
    }

    public CommandRegistry build() {
      return new CommandRegistry(handlers);
    }
  }
}
