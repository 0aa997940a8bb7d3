package dev.cairn.controller.model;

import java.util.Locale;

/**
 * Operator roles, each including the ones before it: {@code VIEWER} reads, {@code OPERATOR} also
 * sends commands, {@code ADMIN} also changes desired state, tokens, enrollment and revocation.
 */
public enum Role {
  VIEWER,
  OPERATOR,
  ADMIN;

  /** The role names used in {@code @RolesAllowed}. */
  public static final String VIEWER_NAME = "VIEWER";
  public static final String OPERATOR_NAME = "OPERATOR";
  public static final String ADMIN_NAME = "ADMIN";

  public boolean includes(Role other) {
    return ordinal() >= other.ordinal();
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code viewer|operator|admin}, any case; null if it is none of them. */
  public static Role parse(String text) {
    if (text == null) {
      return null;
    }
    for (Role role : values()) {
      if (role.name().equalsIgnoreCase(text.trim())) {
        return role;
      }
    }
    return null;
  }
}
