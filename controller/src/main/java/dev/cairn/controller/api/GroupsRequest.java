package dev.cairn.controller.api;

import java.util.List;

/** Body of {@code PUT /api/v1/nodes/{name}/groups}: the node's groups, lowest precedence first. */
public record GroupsRequest(List<String> groups) {}
