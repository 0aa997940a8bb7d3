package dev.cairn.agent.snapshot;

import dev.cairn.agent.pack.PackReader;
import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.BlobLocation;
import dev.cairn.agent.repository.CorruptObjectException;
import dev.cairn.agent.repository.Index;
import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.repository.Tree;
import dev.cairn.agent.repository.TreeCodec;
import java.io.IOException;

/** Reads blobs by id through an index: plaintext data and decoded trees. Thread-safe. */
public final class BlobStore {

  private final Repository repository;
  private final Index index;

  public BlobStore(Repository repository, Index index) {
    this.repository = repository;
    this.index = index;
  }

  public Index index() {
    return index;
  }

  public Repository repository() {
    return repository;
  }

  /** The plaintext of a blob, authenticated. */
  public byte[] read(BlobId id) throws IOException, RepositoryException {
    BlobLocation location = index.find(id);
    if (location == null) {
      throw new MissingBlobException("blob " + id.shortHex() + " is in no index");
    }
    byte[] sealed = PackReader.readSealed(repository.backend(), location.pack(), location.entry());
    return BlobCodec.open(repository.key(), location.entry(), location.pack(), sealed, 0);
  }

  /** A tree blob, authenticated and validated. */
  public Tree readTree(BlobId id) throws IOException, RepositoryException {
    return TreeCodec.decode(read(id), "tree " + id.shortHex());
  }

  /** A referenced blob that no index lists. */
  public static final class MissingBlobException extends CorruptObjectException {
    public MissingBlobException(String message) {
      super(message);
    }
  }
}
