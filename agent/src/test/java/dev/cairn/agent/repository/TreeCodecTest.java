package dev.cairn.agent.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TreeCodecTest {

  private static Node file(String name) {
    return new Node(name, NodeType.FILE, 0644, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, null, null, List.of());
  }

  @Test
  void decode_encodedTree_roundTrips() throws Exception {
    Tree tree = Tree.of(List.of(file("a"), file("Ünïcødé 名前")));

    assertThat(TreeCodec.decode(TreeCodec.encode(tree), "t")).isEqualTo(tree);
  }

  @Test
  void decode_climbingOrDuplicateNames_isRejected() {
    for (String bad : new String[] {"..", ".", "a/b", ""}) {
      assertThatThrownBy(() -> TreeCodec.decode(TreeCodec.encode(Tree.of(List.of(file(bad)))), "t"))
          .isInstanceOf(CorruptObjectException.class);
    }
    assertThatThrownBy(() -> TreeCodec.decode(TreeCodec.encode(Tree.of(List.of(file("x"), file("x")))), "t"))
        .hasMessageContaining("twice");
  }
}
