package dev.cairn.controller.auth;

import dev.cairn.controller.model.Role;
import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;

/** Roles are ordered: a principal has its own role and every role below it. */
public final class RoleAuthorizer implements Authorizer<ApiPrincipal> {
  @Override
  public boolean authorize(ApiPrincipal principal, String role, ContainerRequestContext context) {
    Role required = Role.parse(role);
    return required != null && principal.role().includes(required);
  }
}
