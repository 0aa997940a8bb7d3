package dev.cairn.agent.snapshot;

import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.BlobLocation;
import dev.cairn.agent.repository.Node;
import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.repository.SnapshotRecord;
import dev.cairn.agent.state.FileTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The automated restore test: restores a snapshot into a scratch directory, then reads every
 * restored file back and checks it against the manifest — each chunk's keyed hash, the size, the
 * mode; symlink targets; directories — and removes the scratch directory.
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
      Checker checker = new Checker(new BlobStore(repository, repository.loadIndex()), scratch, failures);
      new TreeWalker(checker.store).walk(snapshot.tree(), "", checker);
      return new RestoreTestReport(snapshot.id(), snapshot.volume(), checker.files, checker.bytes, checker.dirs,
          checker.symlinks, (System.nanoTime() - start) / 1e9, failures);
    } finally {
      FileTree.delete(scratch);
    }
  }

  /** Compares each restored path with its node. */
  private final class Checker implements TreeWalker.Visitor {
    final BlobStore store;
    final Path root;
    final List<String> failures;
    long files;
    long bytes;
    long dirs;
    long symlinks;
    private final byte[] buffer = new byte[1 << 20];

    Checker(BlobStore store, Path root, List<String> failures) {
      this.store = store;
      this.root = root;
      this.failures = failures;
    }

    @Override
    public boolean node(String rel, Node node) throws IOException {
      Path path = root.resolve(rel);
      switch (node.type()) {
        case DIR -> {
          dirs++;
          if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            failures.add(rel + ": directory missing");
          }
        }
        case SYMLINK -> {
          symlinks++;
          if (!Files.isSymbolicLink(path) || !Files.readSymbolicLink(path).toString().equals(node.target())) {
            failures.add(rel + ": symlink missing or pointing elsewhere");
          }
        }
        case FILE -> checkFile(rel, path, node);
        default -> {
          if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            failures.add(rel + ": " + node.type().spelling() + " missing");
          }
        }
      }
      return true;
    }

    @Override
    public void unreadable(String rel, BlobId tree, Exception e) {
      failures.add((rel.isEmpty() ? "." : rel) + "/: directory listing unreadable: " + e.getMessage());
    }

    private void checkFile(String rel, Path path, Node node) throws IOException {
      files++;
      if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        failures.add(rel + ": file missing");
        return;
      }
      if (Files.size(path) != node.size()) {
        failures.add(rel + ": size " + Files.size(path) + ", manifest says " + node.size());
        return;
      }
      int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
      if (mode != node.mode()) {
        failures.add(rel + ": mode " + Integer.toOctalString(mode) + ", manifest says " + Integer.toOctalString(node.mode()));
      }
      try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
        for (BlobId blob : node.blobs()) {
          BlobLocation location = store.index().find(blob);
          if (location == null) {
            failures.add(rel + ": blob " + blob.shortHex() + " is in no index");
            return;
          }
          int length = location.entry().plainLength();
          byte[] data = length <= buffer.length ? buffer : new byte[length];
          if (in.readNBytes(data, 0, length) != length) {
            failures.add(rel + ": shorter than its manifest");
            return;
          }
          if (!BlobCodec.matches(repository.key(), blob, data, length)) {
            failures.add(rel + ": content differs from the manifest at chunk " + blob.shortHex());
            return;
          }
          bytes += length;
        }
      }
    }
  }
}
