package dev.cairn.agent.snapshot;

import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.BlobLocation;
import dev.cairn.agent.repository.Node;
import dev.cairn.agent.repository.NodeType;
import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.repository.SnapshotRecord;
import dev.cairn.agent.state.FileTree;
import dev.cairn.agent.volume.MetadataWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The automated restore test: restores a snapshot into a scratch directory, then reads every
 * restored file back and checks it against the manifest — each chunk's keyed hash and the size of
 * files; symlink targets; the type of directories and special files (and a device's number); mode
 * and modification time of everything but symlinks; owners when restoring as root; which files
 * are hard links of each other — and removes the scratch directory.
 */
public final class RestoreTester {

  private final Repository repository;
  private final Path scratchParent;

  public RestoreTester(Repository repository, Path scratchParent) {
    this.repository = repository;
    this.scratchParent = scratchParent;
  }

  public RestoreTestReport run(SnapshotRecord snapshot) throws IOException, RepositoryException, InterruptedException {
    long start = System.nanoTime();
    Files.createDirectories(scratchParent);
    Path scratch = Files.createTempDirectory(scratchParent, "cairn-restore-test-");
    try {
      // deleted right after the check: syncing it would only wear the disk and slow the read-back
      RestoreResult restored = new RestorePipeline(repository, RestoreOptions.all().withoutSync(), RestoreProgress.NONE)
          .run(snapshot, scratch);
      List<String> failures = new ArrayList<>(restored.damaged());
      failures.addAll(restored.errors());
      Checker checker = check(snapshot, scratch, failures);
      return new RestoreTestReport(snapshot.id(), snapshot.volume(), checker.files, checker.bytes, checker.dirs,
          checker.symlinks, (System.nanoTime() - start) / 1e9, failures);
    } finally {
      FileTree.delete(scratch);
    }
  }

  /** Compares the tree at {@code restored} with the snapshot's manifest, adding what differs to {@code failures}. */
  Checker check(SnapshotRecord snapshot, Path restored, List<String> failures) throws IOException, RepositoryException {
    Checker checker = new Checker(new BlobStore(repository, repository.loadIndex()), restored, failures);
    new TreeWalker(checker.store).walk(snapshot.tree(), "", checker);
    return checker;
  }

  /** File-type bits of {@code st_mode} per node type that restore creates as such. */
  private static final Map<NodeType, Integer> TYPE_BITS = Map.of(NodeType.DIR, 0040000, NodeType.FILE, 0100000,
      NodeType.SYMLINK, 0120000, NodeType.FIFO, 0010000, NodeType.CHARDEV, 0020000, NodeType.BLOCKDEV, 0060000);

  /** Compares each restored path with its node. */
  final class Checker implements TreeWalker.Visitor {
    final BlobStore store;
    final Path root;
    final List<String> failures;
    long files;
    long bytes;
    long dirs;
    long symlinks;
    private final byte[] buffer = new byte[1 << 20];
    /** Restored inode of the first name of each hard-linked file of the snapshot, by its (dev, inode) there. */
    private final Map<List<Long>, Object> linked = new HashMap<>();

    Checker(BlobStore store, Path root, List<String> failures) {
      this.store = store;
      this.root = root;
      this.failures = failures;
    }

    @Override
    public boolean node(String rel, Node node) throws IOException {
      Path path = root.resolve(rel);
      boolean present = switch (node.type()) {
        case DIR -> {
          dirs++;
          yield present(rel, Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS), "directory missing");
        }
        case SYMLINK -> {
          symlinks++;
          yield present(rel, Files.isSymbolicLink(path) && Files.readSymbolicLink(path).toString().equals(node.target()),
              "symlink missing or pointing elsewhere");
        }
        case FILE -> checkFile(rel, path, node);
        default -> present(rel, Files.exists(path, LinkOption.NOFOLLOW_LINKS), node.type().spelling() + " missing");
      };
      if (present) {
        checkMetadata(rel, path, node);
      }
      return true;
    }

    private boolean present(String rel, boolean present, String otherwise) {
      if (!present) {
        failures.add(rel + ": " + otherwise);
      }
      return present;
    }

    /** What {@link MetadataWriter} restores: type bits, mode, mtime, owner, device number; and hard links. */
    private void checkMetadata(String rel, Path path, Node node) throws IOException {
      Map<String, Object> attrs = Files.readAttributes(path, "unix:mode,uid,gid,lastModifiedTime,ino,rdev",
          LinkOption.NOFOLLOW_LINKS);
      int mode = (Integer) attrs.get("mode");
      Integer type = TYPE_BITS.get(node.type());
      if (type != null && (mode & 0170000) != type) {
        failures.add(rel + ": not a " + node.type().spelling() + " (mode " + Integer.toOctalString(mode) + ")");
        return;
      }
      if ((node.type() == NodeType.CHARDEV || node.type() == NodeType.BLOCKDEV) && (Long) attrs.get("rdev") != node.rdev()) {
        failures.add(rel + ": device " + attrs.get("rdev") + ", manifest says " + node.rdev());
      }
      if (node.type() != NodeType.SYMLINK) {
        if ((mode & 07777) != node.mode()) {
          failures.add(rel + ": mode " + Integer.toOctalString(mode & 07777) + ", manifest says "
              + Integer.toOctalString(node.mode()));
        }
        long mtime = ((FileTime) attrs.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS);
        if (mtime != node.mtime()) {
          failures.add(rel + ": modified at " + mtime + " ns, manifest says " + node.mtime());
        }
      }
      if (MetadataWriter.restoresOwners() && ((Integer) attrs.get("uid") != node.uid() || (Integer) attrs.get("gid") != node.gid())) {
        failures.add(rel + ": owner " + attrs.get("uid") + ":" + attrs.get("gid") + ", manifest says " + node.uid() + ":"
            + node.gid());
      }
      if (node.type() == NodeType.FILE && node.links() > 1) {
        Object first = linked.putIfAbsent(List.of(node.dev(), node.inode()), attrs.get("ino"));
        if (first != null && !first.equals(attrs.get("ino"))) {
          failures.add(rel + ": a hard link in the snapshot, but a file of its own here");
        }
      }
    }

    @Override
    public void unreadable(String rel, BlobId tree, Exception e) {
      failures.add((rel.isEmpty() ? "." : rel) + "/: directory listing unreadable: " + e.getMessage());
    }

    /** The content and size of a file; whether it is there at all (its metadata is checked then). */
    private boolean checkFile(String rel, Path path, Node node) throws IOException {
      files++;
      if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        failures.add(rel + ": file missing");
        return false;
      }
      if (Files.size(path) != node.size()) {
        failures.add(rel + ": size " + Files.size(path) + ", manifest says " + node.size());
        return true;
      }
      try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
        for (BlobId blob : node.blobs()) {
          BlobLocation location = store.index().find(blob);
          if (location == null) {
            failures.add(rel + ": blob " + blob.shortHex() + " is in no index");
            return true;
          }
          int length = location.entry().plainLength();
          byte[] data = length <= buffer.length ? buffer : new byte[length];
          if (in.readNBytes(data, 0, length) != length) {
            failures.add(rel + ": shorter than its manifest");
            return true;
          }
          if (!BlobCodec.matches(repository.key(), blob, data, length)) {
            failures.add(rel + ": content differs from the manifest at chunk " + blob.shortHex());
            return true;
          }
          bytes += length;
        }
      }
      return true;
    }
  }
}
