package dev.cairn.agent.image.history;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The history of one image repository: its versions in import order, the current tag and the alias
 * that marks it in the engine, and the event list (newest last, capped at {@link #MAX_EVENTS}).
 * Immutable; the {@code with*} methods return changed copies.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RepositoryHistory(
    int format, String repository, String alias, String current, List<ImageVersion> versions, List<HistoryEvent> events) {

  public static final int FORMAT = 1;
  public static final int MAX_EVENTS = 1000;

  public RepositoryHistory {
    versions = versions == null ? List.of() : List.copyOf(versions);
    events = events == null ? List.of() : List.copyOf(events);
  }

  public static RepositoryHistory empty(String repository) {
    return new RepositoryHistory(FORMAT, repository, null, null, List.of(), List.of());
  }

  public Optional<ImageVersion> version(String tag) {
    return versions.stream().filter(v -> v.tag().equals(tag)).findFirst();
  }

  @JsonIgnore
  public Optional<ImageVersion> currentVersion() {
    return current == null ? Optional.empty() : version(current);
  }

  /** The version imported just before the current one. */
  @JsonIgnore
  public Optional<ImageVersion> previous() {
    int index = indexOf(current);
    return index > 0 ? Optional.of(versions.get(index - 1)) : Optional.empty();
  }

  public int indexOf(String tag) {
    for (int i = 0; i < versions.size(); i++) {
      if (versions.get(i).tag().equals(tag)) {
        return i;
      }
    }
    return -1;
  }

  /** Adds a version, or replaces the one with the same tag (it then moves to the end). */
  public RepositoryHistory withVersion(ImageVersion version) {
    List<ImageVersion> changed = new ArrayList<>(versions);
    changed.removeIf(v -> v.tag().equals(version.tag()));
    changed.add(version);
    return new RepositoryHistory(FORMAT, repository, alias, current, changed, events);
  }

  /** Replaces the version with the same tag in place. */
  public RepositoryHistory withUpdated(ImageVersion version) {
    List<ImageVersion> changed = new ArrayList<>(versions);
    changed.replaceAll(v -> v.tag().equals(version.tag()) ? version : v);
    return new RepositoryHistory(FORMAT, repository, alias, current, changed, events);
  }

  public RepositoryHistory withoutVersion(String tag) {
    List<ImageVersion> changed = new ArrayList<>(versions);
    changed.removeIf(v -> v.tag().equals(tag));
    return new RepositoryHistory(FORMAT, repository, alias, tag.equals(current) ? null : current, changed, events);
  }

  public RepositoryHistory withCurrent(String tag, String aliasTag) {
    return new RepositoryHistory(FORMAT, repository, aliasTag, tag, versions, events);
  }

  public RepositoryHistory withEvent(HistoryEvent event) {
    List<HistoryEvent> changed = new ArrayList<>(events);
    changed.add(event);
    if (changed.size() > MAX_EVENTS) {
      changed = changed.subList(changed.size() - MAX_EVENTS, changed.size());
    }
    return new RepositoryHistory(FORMAT, repository, alias, current, versions, changed);
  }
}
