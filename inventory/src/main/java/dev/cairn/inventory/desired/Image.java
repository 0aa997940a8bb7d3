package dev.cairn.inventory.desired;

/**
 * An image whose given tag should be the current version on the node (issue #6): the agent loads
 * {@code name:tag} from its cache and points {@code name:alias} at it. Immutable.
 */
public record Image(String name, String tag, String alias) {}
