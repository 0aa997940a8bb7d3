package dev.cairn.inventory;

import java.util.List;

/**
 * A host of the inventory. Immutable.
 *
 * @param name the inventory host name
 * @param groups groups that list this host directly, in order
 * @param vars variables set in the inventory sources (inline, {@code host:port})
 * @param fileVars variables from {@code host_vars/}
 * @param origin where the host was first defined
 */
public record Host(
    String name, List<String> groups, Variables vars, Variables fileVars, Origin origin) {

  public Host {
    groups = List.copyOf(groups);
  }
}
