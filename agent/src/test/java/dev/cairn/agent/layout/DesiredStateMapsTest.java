package dev.cairn.agent.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.inventory.desired.DesiredState;
import dev.cairn.inventory.desired.DesiredStateCodec;
import dev.cairn.inventory.desired.DesiredStateException;
import dev.cairn.inventory.desired.DesiredStateResolver;
import dev.cairn.inventory.source.InventoryLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent's reader of desired-state documents agrees with the inventory's codec (Jackson data binding). */
class DesiredStateMapsTest {

  private static final Path EXAMPLES = Path.of("..", "inventory", "examples", "fleet.yml");

  private static Map<String, DesiredState> examples() throws Exception {
    Map<String, DesiredState> states = DesiredStateResolver.resolveAll(InventoryLoader.load(EXAMPLES));
    assertThat(states).as("the example fleet").hasSizeGreaterThan(5);
    return states;
  }

  @Test
  void everyExampleHost_readsBackEqual_fromItsOwnMapsTheCodecsAndAStructs() throws Exception {
    for (Map.Entry<String, DesiredState> example : examples().entrySet()) {
      DesiredState state = example.getValue();
      Map<String, Object> codec = DesiredStateCodec.toMap(state);

      assertThat(DesiredStateMaps.fromMap(DesiredStateMaps.toMap(state))).as(example.getKey()).isEqualTo(state);
      assertThat(DesiredStateMaps.fromMap(codec)).as(example.getKey()).isEqualTo(state);
      assertThat(DesiredStateMaps.fromMap(asStruct(codec))).as("%s, numbers as doubles", example.getKey())
          .isEqualTo(state);
      assertThat(wholeNumbers(DesiredStateMaps.toMap(state))).as(example.getKey()).isEqualTo(wholeNumbers(codec));
    }
  }

  @Test
  void examples_haveWhatTheTestIsAbout() throws Exception {
    assertThat(examples().values()).anyMatch(s -> !s.hooks().isEmpty()).anyMatch(s -> !s.images().isEmpty())
        .anyMatch(s -> !s.schedules().isEmpty()).anyMatch(s -> s.backupPolicies().size() > 1)
        .anyMatch(s -> !s.labels().isEmpty());
  }

  @Test
  void mistakes_areRefusedWithTheFieldsPath() throws Exception {
    DesiredState state = examples().values().iterator().next();
    assertThat(refusal(state, m -> volume0(m).put("colour", "blue")))
        .contains("volumes[0].colour: unknown field; known fields: name, service, kind");
    assertThat(refusal(state, m -> m.put("healthIntervalSeconds", "soon")))
        .contains("healthIntervalSeconds: must be a whole number, not 'soon'");
    assertThat(refusal(state, m -> m.put("healthIntervalSeconds", 2.5)))
        .contains("healthIntervalSeconds: must be a whole number, not 2.5");
    assertThat(refusal(state, m -> m.put("schemaVersion", null))).contains("schemaVersion: must not be null");
    assertThat(refusal(state, m -> volume0(m).put("tier", "LUKEWARM")))
        .contains("volumes[0].tier: 'LUKEWARM' is not one of");
    assertThat(refusal(state, m -> m.put("volumes", "all"))).contains("volumes: must be a list, not 'all'");
    assertThat(refusal(state, m -> m.put("schemaVersion", 99))).contains("schemaVersion 99 is not 1");
  }

  private static String refusal(DesiredState state, java.util.function.Consumer<Map<String, Object>> change) {
    Map<String, Object> map = deepCopy(DesiredStateMaps.toMap(state));
    change.accept(map);
    try {
      DesiredStateMaps.fromMap(map);
    } catch (DesiredStateException e) {
      return String.join("; ", e.problems());
    }
    throw new AssertionError("accepted: " + map);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> volume0(Map<String, Object> document) {
    return (Map<String, Object>) ((List<Object>) document.get("volumes")).get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    return (Map<String, Object>) transform(map, v -> v);
  }

  /** As a protobuf Struct carries it: every number a double. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> asStruct(Map<String, Object> map) {
    return (Map<String, Object>) transform(map, v -> v instanceof Number n ? (Object) n.doubleValue() : v);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> wholeNumbers(Map<String, Object> map) {
    return (Map<String, Object>) transform(map, v -> v instanceof Integer i ? (Object) i.longValue() : v);
  }

  private static Object transform(Object value, java.util.function.UnaryOperator<Object> leaf) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), transform(v, leaf)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(transform(v, leaf)));
      return copy;
    }
    return leaf.apply(value);
  }
}
