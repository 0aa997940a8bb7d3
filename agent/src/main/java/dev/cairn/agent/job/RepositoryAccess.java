package dev.cairn.agent.job;

import dev.cairn.agent.backend.BackendConfigException;
import dev.cairn.agent.backend.BackendFactory;
import dev.cairn.agent.backend.OpenedBackend;
import dev.cairn.agent.crypto.KdfParams;
import dev.cairn.agent.crypto.KeyRing;
import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.state.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Opens the node's repositories for jobs. A repository that does not exist yet is created on first
 * use; when its password file is missing too, a random password is written to it first (mode
 * 0600, atomically), so an unattended node backs up without an operator typing anything. An
 * existing repository whose password file is missing is an error, never a reason to create a new
 * one. Thread-safe (creation is serialised).
 */
public final class RepositoryAccess {

  /**
   * scrypt cost for repositories the agent creates with its own 256-bit random password: key
   * stretching adds nothing to such a password, and the agent runs in a small heap (4 MiB here
   * instead of the 32 MiB of the interactive default).
   */
  private static final int GENERATED_PASSWORD_SCRYPT_N = 1 << 12;

  private static final int PACK_SIZE = 16 << 20;

  private final SecureRandom random = new SecureRandom();

  /** Opens the repository at {@code url} with the password in {@code passwordFile}, creating both if absent. */
  public synchronized OpenedRepository open(String url, Path passwordFile) throws IOException, JobException {
    OpenedBackend backend;
    try {
      backend = BackendFactory.create(url);
    } catch (BackendConfigException e) {
      throw new JobException("repository " + url + ": " + e.getMessage(), e);
    }
    try {
      boolean exists = backend.backend().exists(Repository.CONFIG);
      byte[] password = exists ? readPassword(passwordFile, url) : passwordForNew(passwordFile);
      Repository repository = exists
          ? KeyRing.openRepository(backend, password)
          : KeyRing.initRepository(backend, password, KdfParams.scrypt(GENERATED_PASSWORD_SCRYPT_N, 8, 1), PACK_SIZE);
      return new OpenedRepository(repository, backend);
    } catch (RepositoryException e) {
      backend.close();
      throw new JobException("repository " + url + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      backend.close();
      throw e;
    }
  }

  private static byte[] readPassword(Path file, String url) throws IOException, JobException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      throw new JobException("repository " + url + " exists but its password file " + file + " is missing: restore"
          + " the file (or set backup.passwordFile in the agent configuration)");
    }
    if (text.isEmpty()) {
      throw new JobException("password file " + file + " is empty: write the repository's password into it");
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private byte[] passwordForNew(Path file) throws IOException, JobException {
    if (Files.exists(file)) {
      return readPassword(file, "(new)");
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    AtomicFile.write(file, (password + "\n").getBytes(StandardCharsets.UTF_8), true);
    return password.getBytes(StandardCharsets.UTF_8);
  }
}
