package dev.cairn.agent.repository;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kind of a tree node, as spelled in trees. */
public enum NodeType {
  FILE,
  DIR,
  SYMLINK,
  FIFO,
  CHARDEV,
  BLOCKDEV,
  SOCKET;

  @JsonValue
  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static NodeType parse(String spelling) {
    return valueOf(spelling.toUpperCase(Locale.ROOT));
  }
}
