package dev.cairn.agent.layout;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves catalogue owners and groups, by name (through the host's user database, NSS included)
 * or by number (any id, whether a user has it or not), remembering answers for one run. A name
 * the host does not know resolves to nothing. Not thread-safe: one per {@link LayoutService} run.
 */
final class AccountLookup {

  private final UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
  private final Map<String, Optional<UserPrincipal>> users = new HashMap<>();
  private final Map<String, Optional<GroupPrincipal>> groups = new HashMap<>();

  Optional<UserPrincipal> user(String nameOrId) throws IOException {
    Optional<UserPrincipal> known = users.get(nameOrId);
    if (known == null) {
      try {
        known = Optional.of(lookup.lookupPrincipalByName(nameOrId));
      } catch (UserPrincipalNotFoundException e) {
        known = Optional.empty();
      }
      users.put(nameOrId, known);
    }
    return known;
  }

  Optional<GroupPrincipal> group(String nameOrId) throws IOException {
    Optional<GroupPrincipal> known = groups.get(nameOrId);
    if (known == null) {
      try {
        known = Optional.of(lookup.lookupPrincipalByGroupName(nameOrId));
      } catch (UserPrincipalNotFoundException e) {
        known = Optional.empty();
      }
      groups.put(nameOrId, known);
    }
    return known;
  }
}
