package dev.cairn.agent.image.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Test fixture: writes hand-made tar archives entry by entry, including unsafe ones. */
public final class TarBuilder {

  private interface Step {
    void write(TarArchiveOutputStream tar) throws IOException;
  }

  private final List<Step> steps = new ArrayList<>();

  public TarBuilder file(String name, byte[] content) {
    steps.add(tar -> {
      TarArchiveEntry entry = new TarArchiveEntry(name, true);
      entry.setSize(content.length);
      entry.setMode(0100644);
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
    });
    return this;
  }

  public TarBuilder dir(String name) {
    steps.add(tar -> {
      tar.putArchiveEntry(new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true));
      tar.closeArchiveEntry();
    });
    return this;
  }

  public TarBuilder symlink(String name, String target) {
    return link(name, target, TarConstants.LF_SYMLINK);
  }

  public TarBuilder hardlink(String name, String target) {
    return link(name, target, TarConstants.LF_LINK);
  }

  private TarBuilder link(String name, String target, byte type) {
    steps.add(tar -> {
      TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
      entry.setLinkName(target);
      tar.putArchiveEntry(entry);
      tar.closeArchiveEntry();
    });
    return this;
  }

  public TarBuilder fifo(String name) {
    steps.add(tar -> {
      tar.putArchiveEntry(new TarArchiveEntry(name, TarConstants.LF_FIFO, true));
      tar.closeArchiveEntry();
    });
    return this;
  }

  public byte[] bytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeTo(out);
    return out.toByteArray();
  }

  public Path write(Path file) throws IOException {
    Files.write(file, bytes());
    return file;
  }

  public Path writeGzip(Path file) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      writeTo(out);
    }
    return file;
  }

  private void writeTo(OutputStream out) throws IOException {
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Step step : steps) {
        step.write(tar);
      }
    }
  }
}
