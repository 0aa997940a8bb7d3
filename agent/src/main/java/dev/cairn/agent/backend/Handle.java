package dev.cairn.agent.backend;

import java.util.Objects;

/** Names one object in a backend. Immutable. */
public record Handle(FileType type, String name) {

  public Handle {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException("invalid object name: '" + name + "'");
    }
  }

  @Override
  public String toString() {
    return type.directory() + "/" + name;
  }
}
