package dev.cairn.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The group tree drawn as ansible-inventory --graph draws it (output copied from 2.14). */
class InventoryGraphTest {

  @Test
  void lines_nestedInventory_matchesAnsibleInventoryGraph() throws Exception {
    assertThat(InventoryGraph.lines(Fixtures.load("nested.yml"), "all")).containsExactly(
        "@all:",
        "  |--@ungrouped:",
        "  |  |--top1",
        "  |--@site_b:",
        "  |  |--@web_b:",
        "  |  |  |--b-web1",
        "  |  |  |--b-web2",
        "  |  |--@db_b:",
        "  |  |  |--b-db1",
        "  |--@site_a:",
        "  |  |--@web_a:",
        "  |  |  |--@deep_a:",
        "  |  |  |  |--a-deep1",
        "  |  |  |--a-web1",
        "  |  |--@db_a:",
        "  |  |  |--a-db1",
        "  |  |  |--b-web1",
        "  |  |--a-direct",
        "  |--@zed:",
        "  |  |--z1",
        "  |--@loose:",
        "  |  |--l1");
  }

  @Test
  void lines_subgroup_startsThere() throws Exception {
    assertThat(InventoryGraph.lines(Fixtures.load("nested.yml"), "web_a"))
        .containsExactly("@web_a:", "  |--@deep_a:", "  |  |--a-deep1", "  |--a-web1");
  }

  @Test
  void lines_unknownGroup_fails() {
    assertThatThrownBy(() -> InventoryGraph.lines(Fixtures.load("nested.yml"), "nope"))
        .isInstanceOf(InventoryException.class).hasMessageContaining("'nope' is not a group");
  }
}
