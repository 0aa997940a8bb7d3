package dev.cairn.controller.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.controller.api.InventoryPreview;
import dev.cairn.controller.store.InventoryStore;
import java.util.ArrayList;
import java.util.List;

/**
 * What applying one inventory version does to every node: for each, the store change (new base,
 * new groups, status transition) and the preview an admin reviews. Immutable.
 */
record InventoryPlan(
    long version, Long appliedVersion, List<Step> steps, List<String> warnings) {

  InventoryPlan {
    steps = List.copyOf(steps);
    warnings = List.copyOf(warnings);
  }

  /** One node's part: {@code action} as in {@link InventoryPreview.NodeChange}, or unchanged. */
  record Step(
      String node, String action, ObjectNode newBase, List<String> newGroups,
      InventoryStore.Transition transition, InventoryPreview.NodeChange preview) {

    boolean changesSomething() {
      return newBase != null || newGroups != null
          || transition != InventoryStore.Transition.NONE;
    }
  }

  List<String> problems() {
    List<String> problems = new ArrayList<>();
    steps.forEach(step -> problems.addAll(step.preview().problems()));
    return problems;
  }

  List<InventoryStore.NodeChange> changes() {
    return steps.stream()
        .filter(Step::changesSomething)
        .map(s -> new InventoryStore.NodeChange(s.node(), s.newBase(), s.newGroups(), s.transition()))
        .toList();
  }

  List<String> nodes(String action) {
    return steps.stream().filter(s -> s.action().equals(action)).map(Step::node).toList();
  }

  InventoryPreview preview() {
    int hosts = 0;
    for (Step step : steps) {
      if (step.transition() == InventoryStore.Transition.LISTED) {
        hosts++;
      }
    }
    InventoryPreview.Counts counts = new InventoryPreview.Counts(hosts, nodes("add").size(),
        nodes("update").size(), nodes("unchanged").size(), nodes("orphan").size(),
        nodes("flag").size());
    List<InventoryPreview.NodeChange> changed = steps.stream()
        .filter(s -> !s.action().equals("unchanged"))
        .map(Step::preview)
        .toList();
    return new InventoryPreview(version, appliedVersion, counts, changed, problems());
  }
}
