package dev.cairn.agent.layout;

import java.util.List;

/**
 * A volume catalogue (desired-state document or catalogue file) is invalid; lists every problem,
 * each naming the field and what to write instead. Nothing was touched when this is thrown.
 */
public final class CatalogueException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** {@code what} says what was refused, e.g. "invalid catalogue file /etc/cairn/volumes.yml". */
  public CatalogueException(String what, List<String> problems) {
    super(what + ":\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem on its own. */
  public List<String> problems() {
    return problems;
  }
}
