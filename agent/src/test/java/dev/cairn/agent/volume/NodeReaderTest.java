package dev.cairn.agent.volume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.agent.repository.Node;
import dev.cairn.agent.repository.NodeType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeReaderTest {

  @TempDir
  Path dir;

  @Test
  void directLstat_isOpenedToUs_asUnderBinCairn() {
    assertThat(NodeReader.Lstat.AVAILABLE)
        .as("surefire's argLine opens sun.nio.fs, as cairn.jar's manifest and bin/cairn do")
        .isTrue();
  }

  @Test
  void directLstat_andTheAttributeView_giveTheSameNode() throws Exception {
    Path file = Files.write(dir.resolve("file"), new byte[1234]);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-x---"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("file"));
    Path hard = Files.createLink(dir.resolve("hard"), file);
    Path sub = Files.createDirectory(dir.resolve("sub"));
    Path fifo = dir.resolve("fifo");
    new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();

    for (Path path : List.of(file, link, hard, sub, fifo)) {
      String name = path.getFileName().toString();
      assertThat(NodeReader.read(path, name)).as(name).isEqualTo(NodeReader.readThroughView(path, name));
    }
    Node node = NodeReader.read(file, "file");
    assertThat(node.type()).isEqualTo(NodeType.FILE);
    assertThat(node.size()).isEqualTo(1234);
    assertThat(node.mode()).isEqualTo(0750);
    assertThat(node.links()).isEqualTo(2);
    assertThat(NodeReader.read(link, "link").target()).isEqualTo("file");
    assertThat(NodeReader.read(fifo, "fifo").type()).isEqualTo(NodeType.FIFO);
  }
}
