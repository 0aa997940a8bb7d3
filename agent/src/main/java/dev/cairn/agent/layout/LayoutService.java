package dev.cairn.agent.layout;

import dev.cairn.inventory.desired.Volume;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Creates the layout of a {@link Catalogue} under its base directory and finds (and, per {@link
 * RepairScope}, repairs) drift: a missing directory, a wrong mode, owner or group, something that
 * is not a directory. It never deletes or moves anything, and never follows a symbolic link below
 * the base directory (the base itself may be one): such a link is drift that is only reported, and
 * owner and mode are changed with {@code lchown} and an {@code O_NOFOLLOW} descriptor, so a link
 * swapped in meanwhile is not followed either. Problems with one volume (an owner unknown on this
 * host, a file in the way, a failing {@code chown}) are drift of that volume, not failures of the
 * run. Runs are serialised; thread-safe.
 */
public final class LayoutService {

  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  /** Converges every volume of {@code catalogue} as far as {@code scope} allows. */
  public synchronized LayoutReport converge(Catalogue catalogue, RepairScope scope) {
    Path base = catalogue.base();
    List<Volume> volumes = new ArrayList<>(catalogue.volumes());
    volumes.sort(Comparator.comparingInt((Volume v) -> Path.of(v.path()).getNameCount()).thenComparing(Volume::name));
    List<String> baseChanges = new ArrayList<>();
    String baseProblem = null;
    Path root = null;
    try {
      if (!Files.exists(base) && !Files.isSymbolicLink(base) && scope.creates()) {
        Files.createDirectories(base);
        DirectoryAttributes.setMode(base, FileMode.PARENT);
        baseChanges.add("created the base directory " + base + " (mode " + FileMode.PARENT + ")");
      }
      if (!Files.exists(base)) {
        baseProblem = "missing (the base directory " + base + " does not exist)";
      } else if (!Files.isDirectory(base)) {
        baseProblem = "missing (the base directory " + base + " is not a directory)";
      } else {
        root = base.toRealPath();
      }
    } catch (IOException e) {
      baseProblem = "missing (cannot create the base directory " + base + ": " + e.getMessage() + ")";
    }
    AccountLookup accounts = new AccountLookup();
    List<VolumeOutcome> outcomes = new ArrayList<>();
    for (Volume volume : volumes) {
      outcomes.add(baseProblem != null ? new VolumeOutcome(volume, List.of(), List.of(baseProblem), false)
          : converge(root, base, volume, scope, accounts));
    }
    return new LayoutReport(base, baseChanges, outcomes);
  }

  /** What differs from {@code catalogue}, changing nothing. */
  public LayoutReport inspect(Catalogue catalogue) {
    return converge(catalogue, RepairScope.NONE);
  }

  private VolumeOutcome converge(Path root, Path base, Volume volume, RepairScope scope, AccountLookup accounts) {
    List<String> changes = new ArrayList<>();
    List<String> drift = new ArrayList<>();
    Path relative = base.relativize(Path.of(volume.path()));
    Path current = root;
    Path shown = base;
    for (int i = 0; i < relative.getNameCount(); i++) {
      current = current.resolve(relative.getName(i));
      shown = shown.resolve(relative.getName(i));
      boolean last = i == relative.getNameCount() - 1;
      String which = last ? "" : "parent " + shown + " ";
      try {
        BasicFileAttributes attributes = lstat(current);
        if (attributes == null) {
          if (!scope.creates()) {
            drift.add(last ? "missing" : "missing (" + which + "does not exist)");
            return new VolumeOutcome(volume, changes, drift, false);
          }
          Files.createDirectory(current);
          if (last) {
            DirectoryAttributes wanted = DirectoryAttributes.of(volume, accounts, drift);
            wanted.applyTo(current, drift);
            changes.add("created (" + wanted + ")");
          } else {
            DirectoryAttributes.setMode(current, FileMode.PARENT);
            changes.add("created " + which.trim() + " (mode " + FileMode.PARENT + ")");
          }
        } else if (attributes.isSymbolicLink()) {
          drift.add(which + "is a symbolic link to " + Files.readSymbolicLink(current) + "; links below the base"
              + " directory are not followed: replace it with a directory (nothing was changed through it)");
          return new VolumeOutcome(volume, changes, drift, false);
        } else if (!attributes.isDirectory()) {
          drift.add(which + "is " + (attributes.isRegularFile() ? "a regular file" : "a special file")
              + ", not a directory; move it away (Cairn never deletes data)");
          return new VolumeOutcome(volume, changes, drift, false);
        } else if (last) {
          DirectoryAttributes.of(volume, accounts, drift).compare(current, scope.repairs(), changes, drift);
        }
      } catch (FileAlreadyExistsException e) {
        drift.add(which + "appeared while it was being created; run again");
        return new VolumeOutcome(volume, changes, drift, false);
      } catch (IOException e) {
        drift.add("cannot lay out " + shown + ": " + e.getMessage());
        return new VolumeOutcome(volume, changes, drift, false);
      }
    }
    return new VolumeOutcome(volume, changes, drift, true);
  }

  /** The entry's own attributes (a link is not followed), or null when there is none. */
  private static BasicFileAttributes lstat(Path path) throws IOException {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
