package dev.cairn.agent.pack;

import dev.cairn.agent.repository.PackDescriptor;
import java.nio.file.Path;

/** A complete, flushed pack file in the staging directory, ready to be saved. Immutable. */
public record FinishedPack(Path file, PackDescriptor descriptor) {}
