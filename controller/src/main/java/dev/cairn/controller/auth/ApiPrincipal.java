package dev.cairn.controller.auth;

import dev.cairn.controller.model.Role;
import java.security.Principal;

/** The caller of a REST request: the API token that authenticated it. Immutable. */
public record ApiPrincipal(String tokenId, String tokenName, Role role) implements Principal {
  @Override
  public String getName() {
    return tokenName + " (" + tokenId + ")";
  }
}
