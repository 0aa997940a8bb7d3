package dev.cairn.agent.image.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/** Opens the right reader for a path: a layout directory, or a tar file plain, gzip or zstd compressed. */
final class ArchiveReaders {

  private static final int BUFFER = 1 << 16;

  private ArchiveReaders() {}

  static ArchiveReader open(Path path) throws IOException, ArchiveRejectedException {
    if (Files.isDirectory(path)) {
      return new DirectoryReader(path);
    }
    if (!Files.isRegularFile(path)) {
      throw new ArchiveRejectedException(path + " is neither an archive file nor an OCI layout directory");
    }
    byte[] magic = new byte[6];
    int n;
    try (InputStream in = Files.newInputStream(path)) {
      n = in.readNBytes(magic, 0, magic.length);
    }
    if (n >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      CountingStream raw = counting(path);
      return new TarStreamReader(raw, new BufferedInputStream(gunzip(raw), BUFFER));
    }
    if (n >= 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5 && (magic[2] & 0xff) == 0x2f && (magic[3] & 0xff) == 0xfd) {
      CountingStream raw = counting(path);
      return new TarStreamReader(raw, new BufferedInputStream(new ZstdCompressorInputStream(raw), BUFFER));
    }
    if (n >= 6 && (magic[0] & 0xff) == 0xfd && magic[1] == '7' && magic[2] == 'z' && magic[3] == 'X' && magic[4] == 'Z') {
      throw new ArchiveRejectedException(
          path + " is xz-compressed, which the cache does not read: decompress it first (xz -d) and import the .tar");
    }
    return TarFileReader.open(path);
  }

  private static CountingStream counting(Path path) throws IOException {
    return new CountingStream(new BufferedInputStream(Files.newInputStream(path), BUFFER));
  }

  private static InputStream gunzip(InputStream raw) throws DamagedArchiveException {
    try {
      return new GZIPInputStream(raw, BUFFER);
    } catch (IOException e) {
      throw new DamagedArchiveException("the gzip stream is damaged: " + e.getMessage(), e);
    }
  }
}
