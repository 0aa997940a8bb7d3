package dev.cairn.agent.image.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryPolicyTest {

  @ParameterizedTest
  @CsvSource({"./manifest.json,manifest.json", "a//b/./c,a/b/c", "blobs/sha256/,blobs/sha256", "./,''"})
  void normalize_relativeNames_areCleaned(String raw, String expected) throws Exception {
    assertThat(EntryPolicy.normalize(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../etc/passwd", "a/../../b", "a/..", "/etc/passwd", "/abs"})
  void normalize_escapingOrAbsolute_isRejected(String raw) {
    assertThatThrownBy(() -> EntryPolicy.normalize(raw)).isInstanceOf(ArchiveRejectedException.class)
        .hasMessageContaining(raw);
  }

  @ParameterizedTest
  @CsvSource({"abc/layer.tar,../def/layer.tar,def/layer.tar", "a/b,c,a/c", "x,./y,y"})
  void resolveSymlink_insideArchive_resolvesRelativeToLinkDirectory(String link, String target, String expected)
      throws Exception {
    assertThat(EntryPolicy.resolveSymlink(link, target)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"abc/layer.tar,../../etc/shadow", "x,../x", "a/b,/etc/passwd"})
  void resolveSymlink_outsideArchive_isRejected(String link, String target) {
    assertThatThrownBy(() -> EntryPolicy.resolveSymlink(link, target))
        .isInstanceOf(ArchiveRejectedException.class)
        .hasMessageContaining("outside the archive");
  }

  @Test
  void resolveHardlink_escapingTarget_isRejected() {
    assertThatThrownBy(() -> EntryPolicy.resolveHardlink("a", "../../etc/passwd"))
        .isInstanceOf(ArchiveRejectedException.class)
        .hasMessageContaining("outside the archive");
  }
}
