package dev.cairn.agent.layout;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.cairn.agent.wire.StructEncoding;
import dev.cairn.inventory.desired.DesiredState;
import dev.cairn.inventory.desired.DesiredStateCodec;
import dev.cairn.inventory.desired.DesiredStateException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a {@link Catalogue} from a desired-state document (the inventory's JSON contract, read
 * by the rules of {@link DesiredStateCodec} with {@link DesiredStateMaps}: unknown fields and other
 * schema versions are refused), checks it
 * ({@link CatalogueValidator}) and fills top-level fields the document leaves out from the seed's
 * defaults — in particular the default catalogue of seven services when it has no {@code volumes}.
 * Everything is checked before anything is returned. Stateless.
 */
public final class CatalogueReader {

  private static final Set<String> DOCUMENT_FIELDS = Arrays.stream(DesiredState.class.getRecordComponents())
      .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());

  private CatalogueReader() {}

  /** The seed's default catalogue under {@code base}, as declared by an operator. */
  public static Catalogue defaults(Path base) {
    return fromStateUnchecked(LocalDesiredState.defaults(base), true);
  }

  /** The default catalogue an agent watches before any desired state arrives: not declared. */
  public static Catalogue assumed(Path base) {
    return fromStateUnchecked(LocalDesiredState.defaults(base), false);
  }

  /**
   * The catalogue of a desired-state {@code spec} as the controller sends it; empty when the
   * document holds none of the desired-state fields (then it is about something else).
   *
   * @param agentBase the agent's configured base directory; the document must name the same or none
   */
  public static Optional<Catalogue> fromSpec(ByteString spec, Path agentBase) throws CatalogueException {
    return fromDocument(document(spec), agentBase, "desired state");
  }

  /**
   * The whole desired-state document of a spec, over the node's defaults (for the parts other
   * than the catalogue, e.g. the snapshot hooks); empty when the spec holds no such document.
   */
  public static Optional<DesiredState> desiredState(ByteString spec, Path agentBase) throws CatalogueException {
    return decode(document(spec), agentBase, "desired state");
  }

  private static Map<String, Object> document(ByteString spec) throws CatalogueException {
    try {
      return StructEncoding.decode(spec);
    } catch (InvalidProtocolBufferException e) {
      throw new CatalogueException("invalid desired state; nothing was changed", List.of("the document is damaged ("
          + e.getMessage() + "); the controller sends it again when it changes, or send a new version"));
    }
  }

  /** Like {@link #fromSpec} for a document already read into maps and lists. */
  static Optional<Catalogue> fromDocument(Map<String, Object> document, Path agentBase, String source)
      throws CatalogueException {
    Optional<DesiredState> state = decode(document, agentBase, source);
    if (state.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(fromState(state.get(), "invalid " + source + "; nothing was changed"));
  }

  private static Optional<DesiredState> decode(Map<String, Object> document, Path agentBase, String source)
      throws CatalogueException {
    if (document.keySet().stream().noneMatch(DOCUMENT_FIELDS::contains)) {
      return Optional.empty();
    }
    String what = "invalid " + source + "; nothing was changed";
    if (!document.containsKey("schemaVersion")) {
      throw new CatalogueException(what, List.of("schemaVersion: missing; a desired-state document starts with"
          + " \"schemaVersion\": " + DesiredState.SCHEMA_VERSION + " (print one with 'cairn inventory desired')"));
    }
    Path base = agentBase.toAbsolutePath().normalize();
    Object baseDir = document.get("baseDir");
    if (baseDir != null && !Path.of(baseDir.toString()).normalize().equals(base)) {
      throw new CatalogueException(what, List.of("baseDir: '" + baseDir + "' differs from this node's base directory "
          + base + "; Cairn lays volumes out only where the node is configured to keep them: make the two the same"));
    }
    Map<String, Object> merged = new LinkedHashMap<>(DesiredStateMaps.toMap(LocalDesiredState.defaults(base)));
    merged.putAll(document);
    DesiredState state;
    try {
      state = DesiredStateMaps.fromMap(merged);
    } catch (DesiredStateException e) {
      throw new CatalogueException(what, e.problems());
    }
    return Optional.of(state);
  }

  /** The catalogue of a resolved desired state, after checking it. */
  static Catalogue fromState(DesiredState state, String what) throws CatalogueException {
    List<String> problems = CatalogueValidator.problems(state);
    if (!problems.isEmpty()) {
      throw new CatalogueException(what, problems);
    }
    return fromStateUnchecked(state, true);
  }

  private static Catalogue fromStateUnchecked(DesiredState state, boolean declared) {
    return new Catalogue(Path.of(state.baseDir()), state.drift(), state.volumes(), state.alertThresholds(),
        declared);
  }
}
