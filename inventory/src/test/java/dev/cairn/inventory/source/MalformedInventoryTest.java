package dev.cairn.inventory.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.inventory.InventoryException;
import dev.cairn.inventory.InventoryParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken inventories fail as a whole, with the file, the line and what is wrong. */
class MalformedInventoryTest {

  @TempDir Path dir;

  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of("bad.yml", "all:\n  hosts:\n    a: [1, 2\n  vars: {}\n", 4,
            "invalid YAML"),
        Arguments.of("tabs.yml", "all:\n\thosts:\n", 2, "invalid YAML"),
        Arguments.of("type.ini", "[web]\nh1\n[web:foo]\n", 3,
            "Section [web:foo] has unknown type: foo"),
        Arguments.of("section.ini", "[web servers]\nh1\n", 1, "Invalid section entry"),
        Arguments.of("novalue.ini", "[web]\nh1 novalue\n", 2,
            "Expected key=value host variable assignment, got: novalue"),
        Arguments.of("quote.ini", "[web]\n\nh1 x=\"abc\n", 3,
            "Error parsing host definition 'h1 x=\"abc': No closing quotation"),
        Arguments.of("vars.ini", "[web]\nh1\n[web:vars]\nfoo\n", 4, "Expected key=value, got: foo"),
        Arguments.of("colon.ini", "[web]\nh1:\n", 2, "ending in ':' is not allowed"),
        Arguments.of("child.ini", "[web:children]\na b\n", 2, "Expected group name, got: a b"),
        Arguments.of("range.ini", "[web]\nh1\nh[1:a]\n", 3, "bad host range 'h[1:a]'"),
        Arguments.of("width.ini", "[web]\nh[01:100]\n", 2, "equal-length"),
        Arguments.of("empty.ini", "[web]\nh[5:1]\n", 2, "host range is empty"),
        Arguments.of("range.yml", "all:\n  hosts:\n    h[01:100]:\n", 3, "bad host range"),
        Arguments.of("huge.ini", "[g]\nh[0:2000000000]\n", 2, "more than 100000 hosts"),
        Arguments.of("cycle.ini", "[a:children]\nb\n[b:children]\na\n", 4,
            "creates a cycle in children: b > a > b"),
        Arguments.of("self.ini", "[a:children]\na\n", 2, "cannot be its own child"),
        Arguments.of("cycle.yml",
            "all:\n  children:\n    a:\n      children:\n        b:\n          children:\n"
                + "            a:\n", 5, "creates a cycle in children: a > b > a"),
        Arguments.of("unknown.ini", "[a:children]\nnope\n[x]\nh1\n", 2,
            "Section [a:children] includes undefined group: nope"),
        Arguments.of("unknown2.ini", "[a:children]\nb\n[c:children]\nb\n", 2,
            "Section [c:children] includes undefined group: b"),
        Arguments.of("undeclared.ini", "[h]\nh1\n[g:vars]\nx=1\n", 3,
            "Section [g:vars] not valid for undefined group: g"),
        Arguments.of("intkey.yml", "all:\n  hosts:\n    1:\n", 3, "must be a string"),
        Arguments.of("list.yml", "all:\n  hosts:\n    - a\n", 2,
            "Invalid \"hosts\" entry for \"all\" group"),
        Arguments.of("hostvars.yml", "all:\n  hosts:\n    a: [1]\n", 3,
            "expected dictionary of host variables"),
        Arguments.of("child.yml", "all:\n  children:\n    g: 5\n", 3,
            "g is not a known host nor group"),
        Arguments.of("root.yml", "- a\n- b\n", 1, "must be a mapping of groups"),
        Arguments.of("plugin.yml", "plugin: amazon.aws.aws_ec2\n", 1, "inventory plugin"),
        Arguments.of("script", "#!/usr/bin/env python3\nprint('{}')\n", 1, "inventory script"),
        Arguments.of("vault.yml", "$ANSIBLE_VAULT;1.1;AES256\n6162\n", 1, "Ansible Vault"),
        Arguments.of("priority.yml", "all:\n  children:\n    g:\n      vars:\n"
            + "        ansible_group_priority: high\n", 5, "ansible_group_priority must be an"),
        Arguments.of("hosts", "---\nall:\n  hosts: [\n", 1,
            "'---' is normally a sign this is a YAML file. (read as INI; it is not valid YAML"
                + " either: line 4: invalid YAML"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void load_brokenInventory_failsWithFileAndLine(
      String name, String content, int line, String problem) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);

    assertThatThrownBy(() -> InventoryLoader.load(file))
        .isInstanceOf(InventoryParseException.class)
        .hasMessageStartingWith(file + ":" + line + ": ")
        .hasMessageContaining(problem)
        .satisfies(e -> assertThat(((InventoryParseException) e).origin().line()).isEqualTo(line));
  }

  @Test
  void load_manyGroupsSharingChildren_loadsWithoutSearchingEveryPathAgain() throws Exception {
    // 60 "diamonds": l0 > a0, b0 > l1 > a1, b1 > ... ; searching every path for cycles is 2^60 paths
    StringBuilder ini = new StringBuilder();
    int diamonds = 60;
    for (int i = 0; i < diamonds; i++) {
      ini.append("[l").append(i).append(":children]\na").append(i).append("\nb").append(i).append('\n');
      ini.append("[a").append(i).append(":children]\nl").append(i + 1).append('\n');
      ini.append("[b").append(i).append(":children]\nl").append(i + 1).append('\n');
    }
    ini.append("[l").append(diamonds).append("]\nbottom\n");
    Path file = Files.writeString(dir.resolve("diamonds.ini"), ini);

    var inventory = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
        () -> InventoryLoader.load(file));

    assertThat(inventory.groups()).hasSizeGreaterThanOrEqualTo(3 * diamonds + 1);
  }

  @Test
  void load_directoryWithOneBrokenFile_loadsNothing() throws Exception {
    Files.writeString(dir.resolve("01-good.yml"), "all:\n  hosts:\n    h1:\n");
    Files.writeString(dir.resolve("02-bad"), "[g:children]\nmissing\n");

    assertThatThrownBy(() -> InventoryLoader.load(dir))
        .isInstanceOf(InventoryParseException.class)
        .hasMessageStartingWith(dir + "/02-bad:2: ");
  }

  @Test
  void load_brokenGroupVarsFile_failsWithItsLine() throws Exception {
    Files.writeString(dir.resolve("hosts.yml"), "all:\n  hosts:\n    h1:\n");
    Files.createDirectories(dir.resolve("group_vars"));
    Files.writeString(dir.resolve("group_vars/all.yml"), "a: 1\nb: [\n");

    assertThatThrownBy(() -> InventoryLoader.load(dir.resolve("hosts.yml")))
        .isInstanceOf(InventoryParseException.class)
        .hasMessageStartingWith(dir + "/group_vars/all.yml:");
  }

  @Test
  void load_groupVarsFileThatIsAList_failsSayingItMustBeAMapping() throws Exception {
    Files.writeString(dir.resolve("hosts.yml"), "all:\n  hosts:\n    h1:\n");
    Files.createDirectories(dir.resolve("host_vars"));
    Files.writeString(dir.resolve("host_vars/h1.yml"), "# vars\n- a\n- b\n");

    assertThatThrownBy(() -> InventoryLoader.load(dir.resolve("hosts.yml")))
        .isInstanceOf(InventoryParseException.class)
        .hasMessageStartingWith(dir + "/host_vars/h1.yml:2: ")
        .hasMessageContaining("mapping of variable names");
  }

  @Test
  void load_missingSource_failsNamingIt() {
    Path missing = dir.resolve("nope.yml");

    assertThatThrownBy(() -> InventoryLoader.load(missing))
        .isInstanceOf(InventoryException.class)
        .hasMessageContaining(missing + "' does not exist");
  }

  @Test
  void load_notUtf8_failsSayingSo() throws Exception {
    Path file = dir.resolve("latin1.ini");
    Files.write(file, new byte[] {'[', 'g', ']', '\n', 'h', (byte) 0xe9, '\n'});

    assertThatThrownBy(() -> InventoryLoader.load(file))
        .isInstanceOf(InventoryException.class).hasMessageContaining("not UTF-8");
  }
}
