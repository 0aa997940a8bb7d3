package dev.cairn.agent.hook;

import dev.cairn.agent.image.testing.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;

/**
 * The account a test server runs as: the Debian package's system user ({@code postgres},
 * {@code redis}) when the tests run as root (PostgreSQL refuses to run as root), else the
 * current user.
 */
final class ServiceUser {

  private final String name; // null = the current user

  private ServiceUser(String name) {
    this.name = name;
  }

  static ServiceUser forPackage(String user, String aptPackage) throws IOException, InterruptedException {
    if (!"root".equals(System.getProperty("user.name"))) {
      return new ServiceUser(null);
    }
    Commands.require("runuser", "util-linux");
    try {
      Commands.run(List.of("id", "-u", user));
    } catch (AssertionError e) {
      throw new AssertionError("no system user '" + user + "': run bin/test, which installs the Debian package "
          + aptPackage + " (it creates the user)", e);
    }
    return new ServiceUser(user);
  }

  /** {@code command} run as this user. */
  List<String> command(List<String> command) {
    if (name == null) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", name, "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  /** A new directory (world-traversable) under /tmp, short enough for Unix socket paths. */
  static Path tempDir(String prefix) throws IOException {
    Path dir = Files.createTempDirectory(Path.of("/tmp"), prefix);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  /** Creates {@code dir} owned by this user with mode 0700. */
  Path ownDirectory(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    if (name != null) {
      UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
      Files.setOwner(dir, owner);
    }
    return dir;
  }
}
