package dev.cairn.agent.image.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test images built in the private engine from {@code busybox-static}: version 1 is
 * {@code docker import} of a rootfs holding {@code /bin/busybox} and its links; each later version
 * adds one layer with {@code docker run --network none} + {@code docker commit}, so successive versions
 * share their lower layers. Archives come from {@code docker save}.
 */
public final class BusyboxImages {

  private final Dockerd dockerd;
  private final Path dir;

  public BusyboxImages(Dockerd dockerd, Path dir) {
    this.dockerd = dockerd;
    this.dir = dir;
  }

  /** Builds {@code repository:1 .. repository:versions} in the engine. */
  public void build(String repository, int versions) throws IOException, InterruptedException {
    Commands.require("/bin/busybox", "busybox-static");
    Path rootfs = dir.resolve("rootfs-" + repository.replace('/', '_'));
    Files.createDirectories(rootfs.resolve("bin"));
    dockerd.shell("cp /bin/busybox " + rootfs + "/bin/busybox && cd " + rootfs + "/bin && "
        + "for a in $(./busybox --list); do [ \"$a\" = busybox ] || ln -sf busybox \"$a\"; done && "
        + "tar -C " + rootfs + " -c . | docker import -c 'CMD [\"/bin/sh\"]' - " + repository + ":1 >/dev/null");
    for (int v = 2; v <= versions; v++) {
      String container = "build-" + repository.replace('/', '-') + "-" + v;
      dockerd.docker("run", "--network", "none", "--name", container, repository + ":" + (v - 1),
          "sh", "-c", "mkdir -p /app && echo version " + v + " > /app/version && head -c 4096 /dev/urandom > /app/data-" + v);
      dockerd.docker("commit", container, repository + ":" + v);
      dockerd.docker("rm", container);
    }
  }

  /** {@code docker save repository:tag -o FILE}. */
  public Path save(String ref) throws IOException, InterruptedException {
    Path file = dir.resolve(ref.replace('/', '_').replace(':', '_') + ".tar");
    dockerd.docker("save", ref, "-o", file.toString());
    return file;
  }

  /** The engine's image id ({@code sha256:...}) of a reference. */
  public String id(String ref) throws IOException, InterruptedException {
    return dockerd.docker("image", "inspect", "--format", "{{.Id}}", ref);
  }

  /** Removes the references and their images from the engine. */
  public void removeAll(String... refs) throws IOException, InterruptedException {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("rmi", "-f"));
    args.addAll(java.util.List.of(refs));
    dockerd.docker(args.toArray(String[]::new));
  }
}
