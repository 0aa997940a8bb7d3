package dev.cairn.agent.crypto;

import dev.cairn.agent.backend.Backend;
import dev.cairn.agent.backend.Content;
import dev.cairn.agent.backend.FileInfo;
import dev.cairn.agent.backend.FileType;
import dev.cairn.agent.backend.Handle;
import dev.cairn.agent.backend.OpenedBackend;
import dev.cairn.agent.repository.Aad;
import dev.cairn.agent.repository.BlobId;
import dev.cairn.agent.repository.CorruptObjectException;
import dev.cairn.agent.repository.HostName;
import dev.cairn.agent.repository.JsonCodec;
import dev.cairn.agent.repository.Repository;
import dev.cairn.agent.repository.RepositoryConfig;
import dev.cairn.agent.repository.RepositoryException;
import dev.cairn.agent.repository.RepositoryNotFoundException;
import dev.cairn.agent.repository.WrongPasswordException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * The key files of a repository: each wraps the master key under a key-encryption key derived
 * from a password with scrypt. Adding or removing a key rewrites no data.
 */
public final class KeyRing {

  private KeyRing() {}

  /**
   * Creates a repository: a new master key, its first key file, then the config. Leftover key
   * files of an earlier init that crashed before its config are removed first.
   */
  public static Repository initRepository(OpenedBackend opened, byte[] password, KdfParams kdf, int packSize)
      throws IOException, RepositoryException {
    Backend backend = opened.backend();
    if (backend.exists(Repository.CONFIG)) {
      throw new RepositoryException("a repository already exists at " + backend.location());
    }
    for (FileInfo stale : backend.list(FileType.KEY)) {
      backend.remove(stale.handle());
    }
    CipherWarmup.start(); // as in unlock: compiled GCM and HMAC by the time the first data is sealed
    MasterKey key = MasterKey.generate();
    add(backend, key, password, kdf);
    return Repository.init(backend, opened.stagingDirectory(), key, RepositoryConfig.create(packSize));
  }

  /** Opens a repository with a password: unlocks a key (writing nothing), then reads the config. */
  public static Repository openRepository(OpenedBackend opened, byte[] password) throws IOException, RepositoryException {
    return Repository.open(opened.backend(), opened.stagingDirectory(), unlock(opened.backend(), password).key());
  }

  /** Writes a key file wrapping {@code key} under {@code password}; returns the key id. */
  public static String add(Backend backend, MasterKey key, byte[] password, KdfParams kdf) throws IOException {
    MasterKeyJson plain = new MasterKeyJson(key.encryptKeyBytes(), key.macKeyBytes());
    byte[] json = JsonCodec.encode(plain);
    byte[] kek = derive(password, kdf);
    try {
      byte[] wrapped = new byte[json.length + MasterKey.OVERHEAD];
      MasterKey.seal(new SecretKeySpec(kek, "AES"), new SecureRandom(), MasterKey.newCipher(), json, 0, json.length,
          Aad.KEY, wrapped, 0);
      KeyFile file = new KeyFile(KeyFile.VERSION, Instant.now().toString(), HostName.get(),
          System.getProperty("user.name", "unknown"), kdf, wrapped);
      Handle handle = new Handle(FileType.KEY, BlobId.random().hex());
      backend.save(handle, new Content.OfBytes(JsonCodec.encode(file)));
      return handle.name();
    } finally {
      Arrays.fill(kek, (byte) 0);
      Arrays.fill(json, (byte) 0);
    }
  }

  /**
   * Tries every key file with the password; writes nothing.
   *
   * @throws WrongPasswordException when no key file opens
   * @throws RepositoryNotFoundException when there are no key files at all
   */
  public static UnlockedKey unlock(Backend backend, byte[] password) throws IOException, RepositoryException {
    List<FileInfo> files = backend.list(FileType.KEY);
    if (files.isEmpty()) {
      throw new RepositoryNotFoundException("no repository at " + backend.location()
          + " (no key files): create one with 'cairn repo init'");
    }
    CipherWarmup.start(); // compiles the AES-GCM and HMAC paths on the other core while scrypt runs here
    for (FileInfo info : files) {
      KeyFile file;
      try {
        file = JsonCodec.decode(Repository.readObject(backend, info.handle()), KeyFile.class, info.handle().toString());
      } catch (CorruptObjectException | NoSuchFileException unreadable) {
        continue; // another key may open the repository
      }
      MasterKey key = tryUnwrap(file, password);
      if (key != null) {
        return new UnlockedKey(key, info.handle().name());
      }
    }
    throw new WrongPasswordException("none of the " + files.size() + " key(s) of " + backend.location()
        + " opens with this password: check CAIRN_PASSWORD or --password-file");
  }

  private static MasterKey tryUnwrap(KeyFile file, byte[] password) {
    if (file.version() != KeyFile.VERSION || file.kdf() == null || file.data() == null) {
      return null;
    }
    byte[] kek = derive(password, file.kdf());
    try {
      byte[] out = new byte[Math.max(0, file.data().length - MasterKey.OVERHEAD)];
      MasterKey.open(new SecretKeySpec(kek, "AES"), MasterKey.newCipher(), file.data(), 0, file.data().length,
          Aad.KEY, out, 0);
      MasterKeyJson plain = JsonCodec.decode(out, MasterKeyJson.class, "master key");
      Arrays.fill(out, (byte) 0);
      return new MasterKey(plain.encrypt(), plain.mac());
    } catch (CorruptObjectException | IllegalArgumentException wrongPassword) {
      return null;
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  /** Every key file, marking the one with id {@code currentId}. */
  public static List<KeyInfo> list(Backend backend, String currentId) throws IOException {
    List<KeyInfo> keys = new ArrayList<>();
    for (FileInfo info : backend.list(FileType.KEY)) {
      try {
        KeyFile file = JsonCodec.decode(Repository.readObject(backend, info.handle()), KeyFile.class, "key");
        keys.add(new KeyInfo(info.handle().name(), file.created(), file.host(), file.user(),
            info.handle().name().equals(currentId)));
      } catch (CorruptObjectException | NoSuchFileException unreadable) {
        keys.add(new KeyInfo(info.handle().name(), "?", "?", "unreadable key file", false));
      }
    }
    keys.sort((a, b) -> a.created().compareTo(b.created()));
    return keys;
  }

  /**
   * Removes the key whose id starts with {@code idPrefix}. Refuses the key in use and the last key.
   */
  public static String remove(Backend backend, String idPrefix, String currentId) throws IOException, RepositoryException {
    List<KeyInfo> keys = list(backend, currentId);
    List<KeyInfo> matches = keys.stream().filter(k -> k.id().startsWith(idPrefix)).toList();
    if (matches.size() != 1) {
      throw new RepositoryException(matches.isEmpty() ? "no key '" + idPrefix + "': see 'cairn repo key list'"
          : "key id prefix '" + idPrefix + "' is ambiguous: give more digits");
    }
    KeyInfo key = matches.get(0);
    if (key.current()) {
      throw new RepositoryException("key " + key.id().substring(0, 8) + " is the one in use: open the repository "
          + "with another key's password to remove it");
    }
    if (keys.size() == 1) {
      throw new RepositoryException("refusing to remove the last key: the repository would be unreadable");
    }
    backend.remove(new Handle(FileType.KEY, key.id()));
    return key.id();
  }

  static byte[] derive(byte[] password, KdfParams kdf) {
    return SCrypt.generate(password, kdf.salt(), kdf.n(), kdf.r(), kdf.p(), 32);
  }
}
