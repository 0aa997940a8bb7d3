package dev.cairn.agent.backend;

/** The kinds of objects in a repository; each lives in its own directory (or key prefix). */
public enum FileType {
  CONFIG("config"),
  KEY("keys"),
  LOCK("locks"),
  SNAPSHOT("snapshots"),
  INDEX("index"),
  PACK("data");

  private final String directory;

  FileType(String directory) {
    this.directory = directory;
  }

  /** The directory (or key prefix) that holds objects of this type. */
  public String directory() {
    return directory;
  }
}
