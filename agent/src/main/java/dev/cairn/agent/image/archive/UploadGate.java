package dev.cairn.agent.image.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Where to hold back an archive sent to the engine while it is imported: the middle of the data of
 * its last non-empty file entry, so that a cut there leaves the engine a truncated entry (never an
 * archive that merely looks shorter). Only for uncompressed {@code docker save} archives, which the
 * engine can load as they are.
 */
public final class UploadGate {

  private UploadGate() {}

  /** The gate offset, or empty if the file is not an uncompressed docker-save archive. */
  public static Optional<Long> of(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(2);
      if (magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    try (TarFile tar = new TarFile(file)) {
      List<TarArchiveEntry> entries = tar.getEntries();
      boolean dockerSave = entries.stream().anyMatch(e -> e.isFile() && normalized(e).equals(DockerSaveLayout.MANIFEST));
      TarArchiveEntry last = null;
      for (TarArchiveEntry entry : entries) {
        if (entry.isFile() && !entry.isFIFO() && entry.getSize() > 0) {
          last = entry;
        }
      }
      return dockerSave && last != null ? Optional.of(last.getDataOffset() + last.getSize() / 2) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // the import itself will say what is wrong with the file
    }
  }

  private static String normalized(TarArchiveEntry entry) {
    try {
      return EntryPolicy.normalize(entry.getName());
    } catch (ArchiveRejectedException e) {
      return "";
    }
  }
}
