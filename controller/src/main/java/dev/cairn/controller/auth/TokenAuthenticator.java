package dev.cairn.controller.auth;

import dev.cairn.controller.service.TokenService;
import io.dropwizard.auth.Authenticator;
import java.util.Optional;

/** Finds the API token of a bearer secret (by its SHA-256) and returns its principal. */
public final class TokenAuthenticator implements Authenticator<String, ApiPrincipal> {
  private final TokenService tokens;

  public TokenAuthenticator(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  public Optional<ApiPrincipal> authenticate(String secret) {
    return tokens.authenticate(secret)
        .map(token -> new ApiPrincipal(token.id(), token.name(), token.role()));
  }
}
