package dev.cairn.agent.hook;

import dev.cairn.agent.image.testing.BusyboxImages;
import dev.cairn.agent.image.testing.Dockerd;
import java.nio.file.Path;
import java.util.UUID;

/** A busybox container sleeping on a test engine, for hooks to pause and exec in; removed on close. */
public final class SleepingContainer implements AutoCloseable {

  private static final String IMAGE = "hooktest/busybox";

  private final Dockerd dockerd;
  private final String name;

  private SleepingContainer(Dockerd dockerd, String name) {
    this.dockerd = dockerd;
    this.name = name;
  }

  /** Starts one named {@code prefix-<random>}, building the image into the engine first if needed. */
  public static SleepingContainer start(Dockerd dockerd, Path imageWork, String prefix) throws Exception {
    if (dockerd.engine().inspect(IMAGE + ":1").isEmpty()) {
      new BusyboxImages(dockerd, imageWork).build(IMAGE, 1);
    }
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    dockerd.docker("run", "-d", "--network", "none", "--name", name, IMAGE + ":1", "sleep", "3600");
    return new SleepingContainer(dockerd, name);
  }

  public String name() {
    return name;
  }

  /** {@code running}, {@code paused}, ... as the engine says. */
  public String status() throws Exception {
    return dockerd.docker("inspect", "--format", "{{.State.Status}}", name);
  }

  @Override
  public void close() throws Exception {
    dockerd.docker("rm", "-f", name);
  }
}
