/**
 * REST authentication and authorisation: bearer API tokens (looked up by SHA-256), a principal
 * per token, and ordered roles (viewer &lt; operator &lt; admin) checked by {@code @RolesAllowed}.
 */
package dev.cairn.controller.auth;
