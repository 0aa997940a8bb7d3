package dev.cairn.agent.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirBackendTest {

  @TempDir Path tmp;

  @Test
  void save_bytes_readableByRangeAndListed() throws Exception {
    LocalDirBackend backend = LocalDirBackend.open(tmp.resolve("r"), true);
    Handle handle = new Handle(FileType.INDEX, "abc");

    backend.save(handle, new Content.OfBytes("0123456789".getBytes(StandardCharsets.US_ASCII)));

    try (var in = backend.open(handle, 3, 4)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("3456");
    }
    assertThat(backend.list(FileType.INDEX)).containsExactly(new FileInfo(handle, 10));
    assertThat(backend.list(FileType.PACK)).isEmpty();
    try (var staging = Files.list(backend.stagingDirectory())) {
      assertThat(staging.toList()).as("no temp file left").isEmpty();
    }
  }

  @Test
  void save_fileOnSameFilesystem_movesIt() throws Exception {
    LocalDirBackend backend = LocalDirBackend.open(tmp.resolve("r"), true);
    Path staged = Files.writeString(backend.stagingDirectory().resolve("p.tmp"), "pack");

    backend.save(new Handle(FileType.PACK, "p1"), new Content.OfFile(staged));

    assertThat(staged).doesNotExist();
    assertThat(Files.readString(tmp.resolve("r/data/p1"))).isEqualTo("pack");
  }

  @Test
  void remove_thenOpen_saysNotFound() throws Exception {
    LocalDirBackend backend = LocalDirBackend.open(tmp.resolve("r"), true);
    Handle handle = new Handle(FileType.SNAPSHOT, "s");
    backend.save(handle, new Content.OfBytes(new byte[] {1}));

    backend.remove(handle);
    backend.remove(handle);

    assertThat(backend.exists(handle)).isFalse();
    assertThatThrownBy(() -> backend.open(handle, 0, -1)).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void open_withoutCreate_createsNothing() throws Exception {
    LocalDirBackend backend = LocalDirBackend.open(tmp.resolve("absent"), false);

    assertThat(backend.list(FileType.KEY)).isEmpty();
    assertThat(tmp.resolve("absent")).doesNotExist();
  }
}
