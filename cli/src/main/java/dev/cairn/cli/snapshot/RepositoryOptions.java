package dev.cairn.cli.snapshot;

import dev.cairn.agent.backend.BackendConfigException;
import dev.cairn.agent.backend.BackendFactory;
import dev.cairn.agent.backend.OpenedBackend;
import dev.cairn.agent.crypto.KeyRing;
import dev.cairn.agent.crypto.UnlockedKey;
import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.RepositoryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --repo} and the password source, shared by every repository command (a picocli mixin). */
public final class RepositoryOptions {

  @Option(names = "--repo", required = true, paramLabel = "R",
      description = "Repository: a local directory (/path or local:/path) or S3 (s3:http(s)://HOST[:PORT]/BUCKET[/PREFIX], "
          + "credentials from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; see docs/storage-backends.md).")
  String repo;

  @Option(names = "--password-file", paramLabel = "F",
      description = "Read the password (or key) from this file instead of CAIRN_PASSWORD.")
  Path passwordFile;

  /** The password: the file's content (one trailing newline removed) or CAIRN_PASSWORD. */
  byte[] password() throws IOException, RepositoryException {
    return password(passwordFile, "CAIRN_PASSWORD", "--password-file");
  }

  static byte[] password(Path file, String variable, String option) throws IOException, RepositoryException {
    String text;
    if (file != null) {
      text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.endsWith("\n")) {
        text = text.substring(0, text.length() - 1);
      }
      if (text.endsWith("\r")) {
        text = text.substring(0, text.length() - 1);
      }
    } else {
      text = System.getenv(variable);
      if (text == null) {
        throw new RepositoryException("no password: set " + variable + " or pass " + option + " F");
      }
    }
    if (text.isEmpty()) {
      throw new RepositoryException("the password is empty: refusing to use it");
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Opens the backend without creating anything. */
  OpenedBackend backend() throws IOException, BackendConfigException {
    return BackendFactory.open(repo);
  }

  /** An opened repository together with the key that opened it. */
  record Opened(Repository repository, UnlockedKey key, OpenedBackend backend) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      backend.close();
    }
  }

  /** Opens the repository with the password; writes nothing. */
  Opened open() throws IOException, RepositoryException, BackendConfigException {
    return openWith("CAIRN_PASSWORD", "--password-file");
  }

  /** Opens the repository with the password from the file or the named environment variable. */
  Opened openWith(String variable, String option) throws IOException, RepositoryException, BackendConfigException {
    byte[] password = password(passwordFile, variable, option);
    OpenedBackend backend = backend();
    try {
      UnlockedKey key = KeyRing.unlock(backend.backend(), password);
      return new Opened(Repository.open(backend.backend(), backend.stagingDirectory(), key.key()), key, backend);
    } catch (IOException | RepositoryException | RuntimeException e) {
      backend.close();
      throw e;
    }
  }
}
