package dev.cairn.agent.repository;

import java.util.List;

/** A pack file as an index lists it: its name, size in bytes and blobs. Immutable. */
public record PackDescriptor(String pack, long size, List<PackEntry> entries) {
  public PackDescriptor {
    entries = List.copyOf(entries);
  }
}
