package dev.cairn.agent.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.agent.backend.LocalDirBackend;
import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.repository.WrongPasswordException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {

  @TempDir Path tmp;
  private static final KdfParams CHEAP = KdfParams.scrypt(1 << 10, 8, 1);

  private static byte[] pw(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String listing(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.map(p -> p + ":" + p.toFile().length() + ":" + p.toFile().lastModified()).sorted().toList().toString();
    }
  }

  @Test
  void unlock_wrongPassword_failsAndWritesNothing() throws Exception {
    LocalDirBackend backend = LocalDirBackend.open(tmp.resolve("repo"), true);
    KeyRing.add(backend, MasterKey.generate(), pw("right"), CHEAP);
    String before = listing(tmp.resolve("repo"));

    assertThatThrownBy(() -> KeyRing.unlock(backend, pw("wrong")))
        .isInstanceOf(WrongPasswordException.class).hasMessageContaining("CAIRN_PASSWORD");
    assertThat(listing(tmp.resolve("repo"))).isEqualTo(before);
  }

  @Test
  void add_secondKey_bothPasswordsOpenTheSameMasterKey() throws Exception {
    LocalDirBackend backend = LocalDirBackend.open(tmp.resolve("repo"), true);
    MasterKey key = MasterKey.generate();
    KeyRing.add(backend, key, pw("one"), CHEAP);
    KeyRing.add(backend, key, pw("two"), CHEAP);

    MasterKey viaOne = KeyRing.unlock(backend, pw("one")).key();
    MasterKey viaTwo = KeyRing.unlock(backend, pw("two")).key();

    byte[] data = pw("hello");
    assertThat(viaTwo.id(data, 0, data.length)).isEqualTo(viaOne.id(data, 0, data.length));
    assertThat(viaTwo.open(viaOne.seal(data, new byte[0]), new byte[0])).isEqualTo(data);
  }

  @Test
  void remove_keyInUseOrLastKey_isRefused() throws Exception {
    LocalDirBackend backend = LocalDirBackend.open(tmp.resolve("repo"), true);
    MasterKey key = MasterKey.generate();
    String first = KeyRing.add(backend, key, pw("one"), CHEAP);

    assertThatThrownBy(() -> KeyRing.remove(backend, first, "other")).isInstanceOf(RepositoryException.class)
        .hasMessageContaining("last key");
    String second = KeyRing.add(backend, key, pw("two"), CHEAP);
    assertThatThrownBy(() -> KeyRing.remove(backend, second.substring(0, 10), second))
        .hasMessageContaining("in use");
    assertThat(KeyRing.remove(backend, first.substring(0, 10), second)).isEqualTo(first);
    assertThatThrownBy(() -> KeyRing.unlock(backend, pw("one"))).isInstanceOf(WrongPasswordException.class);
    assertThat(KeyRing.list(backend, second)).singleElement().satisfies(k -> assertThat(k.current()).isTrue());
  }
}
