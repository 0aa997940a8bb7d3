package dev.cairn.agent.layout;

import dev.cairn.inventory.desired.Volume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Optional;

/**
 * Owner, group and mode a volume directory should have, resolved on this host, and the means to
 * compare and set them without following links ({@code lchown}; {@code chmod} through an {@code
 * O_NOFOLLOW} descriptor, which fails on a link). An owner or group unknown on this host is drift,
 * reported once, and left alone. Immutable.
 */
final class DirectoryAttributes {

  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private final Volume volume;
  private final Optional<UserPrincipal> owner;
  private final Optional<GroupPrincipal> group;
  private final FileMode mode;

  private DirectoryAttributes(Volume volume, Optional<UserPrincipal> owner, Optional<GroupPrincipal> group,
      FileMode mode) {
    this.volume = volume;
    this.owner = owner;
    this.group = group;
    this.mode = mode;
  }

  /** What {@code volume} asks for; unknown owners and groups are added to {@code drift}. */
  static DirectoryAttributes of(Volume volume, AccountLookup accounts, List<String> drift) throws IOException {
    Optional<UserPrincipal> owner = accounts.user(volume.owner());
    if (owner.isEmpty()) {
      drift.add("owner '" + volume.owner() + "' is not a user on this host; create the user (useradd --system "
          + volume.owner() + ") or give a numeric uid");
    }
    Optional<GroupPrincipal> group = accounts.group(volume.group());
    if (group.isEmpty()) {
      drift.add("group '" + volume.group() + "' is not a group on this host; create the group (groupadd --system "
          + volume.group() + ") or give a numeric gid");
    }
    return new DirectoryAttributes(volume, owner, group, FileMode.parse(volume.mode()));
  }

  /** Sets everything on a directory just created; each failure becomes drift. */
  void applyTo(Path dir, List<String> drift) {
    PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class, NOFOLLOW);
    owner.ifPresent(o -> attempt(() -> view.setOwner(o), "owner", drift));
    group.ifPresent(g -> attempt(() -> view.setGroup(g), "group", drift));
    attempt(() -> setMode(dir, mode), "mode", drift);
  }

  /** Compares an existing directory; with {@code repair} sets what differs, else reports it as drift. */
  void compare(Path dir, boolean repair, List<String> changes, List<String> drift) throws IOException {
    PosixFileAttributes actual = Files.readAttributes(dir, PosixFileAttributes.class, NOFOLLOW);
    PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class, NOFOLLOW);
    if (owner.isPresent() && !owner.get().equals(actual.owner())) {
      String was = actual.owner().getName();
      if (repair && attempt(() -> view.setOwner(owner.get()), "owner", drift)) {
        changes.add("owner " + was + " -> " + volume.owner());
      } else if (!repair) {
        drift.add("owner " + was + ", want " + volume.owner());
      }
    }
    if (group.isPresent() && !group.get().equals(actual.group())) {
      String was = actual.group().getName();
      if (repair && attempt(() -> view.setGroup(group.get()), "group", drift)) {
        changes.add("group " + was + " -> " + volume.group());
      } else if (!repair) {
        drift.add("group " + was + ", want " + volume.group());
      }
    }
    FileMode was = modeOf(dir);
    if (!was.equals(mode)) {
      if (repair && attempt(() -> setMode(dir, mode), "mode", drift)) {
        changes.add("mode " + was + " -> " + mode);
      } else if (!repair) {
        drift.add("mode " + was + ", want " + mode);
      }
    }
  }

  /** The permission bits of {@code path} itself (not of a link's target). */
  static FileMode modeOf(Path path) throws IOException {
    return new FileMode((Integer) Files.getAttribute(path, "unix:mode", NOFOLLOW) & 07777);
  }

  /** Sets all twelve permission bits of {@code path}; fails on a symbolic link. */
  static void setMode(Path path, FileMode mode) throws IOException {
    Files.setAttribute(path, "unix:mode", mode.bits(), NOFOLLOW);
  }

  private interface Change {
    void run() throws IOException;
  }

  private static boolean attempt(Change change, String what, List<String> drift) {
    try {
      change.run();
      return true;
    } catch (IOException e) {
      drift.add("cannot set the " + what + ": " + e.getMessage());
      return false;
    }
  }

  @Override
  public String toString() {
    return "owner " + volume.owner() + ", group " + volume.group() + ", mode " + mode;
  }
}
