package dev.cairn.controller.service;

import dev.cairn.controller.api.ApiTokenRequest;
import dev.cairn.controller.api.ApiTokenView;
import dev.cairn.controller.error.InvalidRequestException;
import dev.cairn.controller.error.NotFoundException;
import dev.cairn.controller.files.AtomicFiles;
import dev.cairn.controller.model.ApiTokenRecord;
import dev.cairn.controller.model.Role;
import dev.cairn.controller.store.ControllerStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API tokens: creation (the secret is shown once), listing, deletion, authentication, and the
 * bootstrap admin token written to {@code <dataDir>/admin.token} on first start.
 *
 * <p>Secrets are 256 random bits and stored only as their SHA-256. A slow password hash (bcrypt,
 * Argon2) defends low-entropy passwords against guessing; against 256 random bits guessing is
 * hopeless either way, so a fast hash loses nothing and keeps every authenticated request cheap.
 */
public final class TokenService {
  public static final String ADMIN_TOKEN_FILE = "admin.token";
  private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ControllerStore store;
  private final Clock clock;

  public TokenService(ControllerStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A new secret: {@code prefix} followed by 256 random bits, base64url. */
  public static String newSecret(String prefix) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A short random id (64 bits, hex) naming a token in lists and audit entries. */
  public static String newId() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** SHA-256 of the secret, hex: what the store keeps. */
  public static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  public ApiTokenView create(ApiTokenRequest request, String actor) throws InvalidRequestException {
    if (request == null || request.name() == null || request.name().isBlank()
        || request.name().length() > 100) {
      throw new InvalidRequestException("A token needs a name (1 to 100 characters)");
    }
    Role role = Role.parse(request.role());
    if (role == null) {
      throw new InvalidRequestException("Role '" + request.role()
          + "' is unknown; use viewer, operator or admin");
    }
    String secret = newSecret("cairn_");
    ApiTokenRecord record = new ApiTokenRecord(newId(), request.name().trim(), role, hash(secret),
        clock.instant(), actor);
    store.apiTokens().create(record);
    return view(record, secret);
  }

  public List<ApiTokenView> list() {
    return store.apiTokens().list().stream().map(token -> view(token, null)).toList();
  }

  public void delete(String id) throws NotFoundException {
    if (!store.apiTokens().delete(id)) {
      throw new NotFoundException("No API token with id " + id);
    }
  }

  public Optional<ApiTokenRecord> authenticate(String secret) {
    if (secret == null || secret.isEmpty() || secret.length() > 200) {
      return Optional.empty();
    }
    return store.apiTokens().findByHash(hash(secret));
  }

  /**
   * Makes sure an admin token exists and its secret is at hand: if no admin token exists or
   * {@code <dataDir>/admin.token} is missing, creates one, writes its secret there (mode 0600,
   * atomically) and logs the path. Deleting the file and restarting is how a locked-out operator
   * with access to the data directory gets a new admin token. Returns the file's path.
   */
  public Path ensureBootstrapAdmin(Path dataDir) throws IOException {
    Path file = dataDir.resolve(ADMIN_TOKEN_FILE);
    boolean haveAdmin = store.apiTokens().list().stream().anyMatch(t -> t.role() == Role.ADMIN);
    if (haveAdmin && Files.exists(file)) {
      return file;
    }
    String secret = newSecret("cairn_");
    AtomicFiles.write(file, (secret + "\n").getBytes(StandardCharsets.US_ASCII),
        AtomicFiles.OWNER_ONLY);
    store.apiTokens().create(new ApiTokenRecord(newId(), "bootstrap-admin", Role.ADMIN,
        hash(secret), clock.instant(), "controller"));
    LOG.info("Created the first admin API token; its secret is in {} (mode 0600)", file);
    return file;
  }

  private static ApiTokenView view(ApiTokenRecord token, String secret) {
    return new ApiTokenView(token.id(), token.name(), token.role().wireName(), token.created(),
        token.createdBy(), secret);
  }
}
