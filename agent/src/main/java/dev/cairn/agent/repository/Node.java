package dev.cairn.agent.repository;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One entry of a tree: a file, directory, symlink or special file with its metadata
 * (docs/repository-format.md §8). Times are nanoseconds since the epoch. Immutable.
 */
@JsonPropertyOrder({"name", "type", "mode", "uid", "gid", "mtime", "atime", "ctime", "dev", "inode", "links",
    "size", "rdev", "target", "subtree", "content"})
public record Node(
    String name,
    NodeType type,
    int mode,
    int uid,
    int gid,
    long mtime,
    long atime,
    long ctime,
    long dev,
    long inode,
    int links,
    long size,
    long rdev,
    String target,
    BlobId subtree,
    List<BlobId> content) {

  public Node {
    content = content == null ? null : List.copyOf(content);
  }

  /** The same node with another name (the root of a snapshot has the empty name). */
  public Node withName(String newName) {
    return new Node(newName, type, mode, uid, gid, mtime, atime, ctime, dev, inode, links, size, rdev, target,
        subtree, content);
  }

  /** The same directory node pointing at another subtree. */
  public Node withSubtree(BlobId tree) {
    return new Node(name, type, mode, uid, gid, mtime, atime, ctime, dev, inode, links, size, rdev, target, tree,
        content);
  }

  /** The same file node with other content and size. */
  public Node withContent(List<BlobId> blobs, long newSize) {
    return new Node(name, type, mode, uid, gid, mtime, atime, ctime, dev, inode, links, newSize, rdev, target,
        subtree, blobs);
  }

  /** The same file node with other content. */
  public Node withContent(List<BlobId> blobs) {
    return new Node(name, type, mode, uid, gid, mtime, atime, ctime, dev, inode, links, size, rdev, target,
        subtree, blobs);
  }

  @JsonIgnore
  public boolean isFile() {
    return type == NodeType.FILE;
  }

  @JsonIgnore
  public boolean isDir() {
    return type == NodeType.DIR;
  }

  /** Whether this file shares its inode with others (restore links them). */
  @JsonIgnore
  public boolean isHardLinked() {
    return type == NodeType.FILE && links > 1;
  }

  /** The blobs of a file, empty for other nodes. */
  @JsonIgnore
  public List<BlobId> blobs() {
    return content == null ? List.of() : content;
  }
}
