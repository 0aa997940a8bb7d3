package dev.cairn.inventory.pattern;

import java.util.List;

/** What a host pattern is evaluated against: the groups and hosts of one inventory. */
public interface PatternScope {

  /** Every group name, {@code all} and {@code ungrouped} first, then in order of definition. */
  List<String> groupNames();

  /** Every host name in order of definition. */
  List<String> hostNames();

  /** Whether a host of exactly this name exists. */
  boolean hasHost(String name);

  /** The hosts of a group and of its descendants, in inventory order without duplicates. */
  List<String> hostsOf(String group);
}
