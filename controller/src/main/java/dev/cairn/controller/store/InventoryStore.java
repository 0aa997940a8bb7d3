package dev.cairn.controller.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.controller.model.InventoryVersionRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Uploaded inventories, every version kept with its files, and the application of one version:
 * the nodes' inventory documents, groups and inventory status written in one durable batch under
 * one new desired-state version, so that an application is all or nothing.
 */
public interface InventoryStore {

  /** One file of an upload: its path relative to the inventory root, and its bytes. */
  record File(String path, byte[] content) {}

  /** Receives the files of a version, in path order. */
  @FunctionalInterface
  interface FileSink {
    void accept(String path, byte[] content) throws IOException;
  }

  /** How an application changes one node's inventory status. */
  enum Transition {
    /** Listed by the applied inventory (clears orphaned and flagged). */
    LISTED,
    /** Dropped by the applied inventory after an earlier one listed it. */
    ORPHANED,
    /** Enrolled but not in the applied inventory. */
    FLAGGED,
    /** No change. */
    NONE
  }

  /**
   * What applying changes for one node: a new inventory document ({@code base}, null: unchanged),
   * new groups (null: unchanged) and its status transition.
   */
  record NodeChange(String node, ObjectNode base, List<String> groups, Transition transition) {
    public NodeChange {
      groups = groups == null ? null : List.copyOf(groups);
    }
  }

  /** The desired-state version the application took, and the nodes whose documents changed. */
  record Applied(long desiredVersion, List<String> changedNodes) {
    public Applied {
      changedNodes = List.copyOf(changedNodes);
    }
  }

  /** Stores a new version (the next number) with its files, durably; returns its record. */
  InventoryVersionRecord add(InventoryVersionRecord record, List<File> files);

  Optional<InventoryVersionRecord> get(long version);

  /** The newest {@code limit} versions, newest first. */
  List<InventoryVersionRecord> list(int limit);

  /** Passes each file of the version to {@code sink}, in path order. */
  void files(long version, FileSink sink) throws IOException;

  /** The version applied last, if any. */
  OptionalLong applied();

  /**
   * Applies {@code version}: writes every change of {@code changes} and marks the version applied,
   * in one synced batch, taking one new desired-state version for all of it.
   */
  Applied apply(long version, List<NodeChange> changes, Instant at, String actor);
}
