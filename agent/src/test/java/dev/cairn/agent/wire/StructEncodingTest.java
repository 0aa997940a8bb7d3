package dev.cairn.agent.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link StructEncoding} against protobuf's own {@code Struct}, on seeded random documents and bytes. */
class StructEncodingTest {

  private static final long SEED = 20261127L;
  private static final String[] STRINGS = {"", "a", "postgresql-data", "ü€𝄞", "line\nbreak", "\"quoted\"", "0"};

  private final Random random = new Random(SEED);

  @Test
  void encode_randomDocuments_writesTheBytesProtobufWrites() {
    for (int i = 0; i < 2_000; i++) {
      Map<String, Object> document = document(0);
      assertThat(StructEncoding.encode(document)).as("document %s", i).isEqualTo(struct(document).toByteString());
    }
  }

  @Test
  void decode_randomDocuments_readsWhatProtobufReads() throws Exception {
    for (int i = 0; i < 2_000; i++) {
      Struct struct = struct(document(0));
      assertThat(StructEncoding.decode(struct.toByteString())).as("document %s", i).isEqualTo(plain(struct));
    }
  }

  @Test
  void decode_ownEncoding_givesTheDocumentBackWithDoubles() throws Exception {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("count", 3);
    document.put("big", 1L << 40);
    document.put("names", List.of("a", "b"));
    document.put("none", null);
    document.put("nested", Map.of("ok", true));
    document.put("empty", Map.of());
    document.put("other", java.time.Instant.EPOCH);

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("count", 3.0);
    expected.put("big", (double) (1L << 40));
    expected.put("names", List.of("a", "b"));
    expected.put("none", null);
    expected.put("nested", Map.of("ok", true));
    expected.put("empty", Map.of());
    expected.put("other", "1970-01-01T00:00:00Z");

    assertThat(StructEncoding.decode(StructEncoding.encode(document))).containsExactlyEntriesOf(expected);
  }

  @Test
  void decode_concatenatedEncodings_lastValueOfAKeyCountsAsInProtobuf() throws Exception {
    for (int i = 0; i < 500; i++) {
      ByteString first = struct(document(0)).toByteString();
      ByteString second = struct(document(0)).toByteString();
      ByteString both = first.concat(second);
      assertThat(StructEncoding.decode(both)).as("pair %s", i).isEqualTo(plain(Struct.parseFrom(both)));
    }
  }

  @Test
  void decode_unknownFields_skipsThemAsProtobufDoes() throws Exception {
    // field 9 as a varint, a fixed32, a string and a group, at the top and inside an entry's value
    byte[] unknown = {(byte) 0x48, 0x05, (byte) 0x4d, 1, 2, 3, 4, (byte) 0x4a, 0x01, 0x78, (byte) 0x4b, 0x08, 0x01,
        (byte) 0x4c};
    Struct inner = Struct.newBuilder().putFields("k", Value.newBuilder().setStringValue("v").build()).build();
    ByteString value = Value.newBuilder().setStructValue(inner).build().toByteString().concat(ByteString.copyFrom(unknown));
    ByteString entry = ByteString.copyFrom(new byte[] {0x0a, 0x01, 'x', 0x12, (byte) value.size()}).concat(value);
    ByteString bytes = ByteString.copyFrom(unknown).concat(ByteString.copyFrom(new byte[] {0x0a, (byte) entry.size()}))
        .concat(entry);

    assertThat(StructEncoding.decode(bytes)).isEqualTo(Map.of("x", Map.of("k", "v"))).isEqualTo(plain(Struct.parseFrom(bytes)));
  }

  @Test
  void decode_damagedBytes_failsWhereProtobufFailsAndAgreesElsewhere() {
    int failed = 0;
    for (int i = 0; i < 3_000; i++) {
      byte[] bytes = struct(document(0)).toByteArray();
      if (bytes.length == 0) {
        continue;
      }
      if (random.nextBoolean()) {
        bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
      } else {
        bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
      }
      ByteString damaged = ByteString.copyFrom(bytes);
      Map<String, Object> expected;
      try {
        expected = plain(Struct.parseFrom(damaged));
      } catch (InvalidProtocolBufferException e) {
        failed++;
        assertThatThrownBy(() -> StructEncoding.decode(damaged)).as("case %s", i)
            .isInstanceOf(InvalidProtocolBufferException.class);
        continue;
      }
      try {
        assertThat(StructEncoding.decode(damaged)).as("case %s", i).isEqualTo(expected);
      } catch (InvalidProtocolBufferException e) {
        throw new AssertionError("case " + i + ": protobuf reads it, StructEncoding refused: " + e.getMessage(), e);
      }
    }
    assertThat(failed).as("damaged cases protobuf refused").isGreaterThan(300);
  }

  @Test
  void decode_nestedDeeperThanTheLimit_isRefusedWithTheLimit() throws Exception {
    assertThat(StructEncoding.decode(StructEncoding.encode(nested(StructEncoding.MAX_DEPTH - 1)))).isNotEmpty();
    ByteString tooDeep = StructEncoding.encode(nested(StructEncoding.MAX_DEPTH));

    assertThatThrownBy(() -> StructEncoding.decode(tooDeep)).isInstanceOf(InvalidProtocolBufferException.class)
        .hasMessageContaining("more than 100 levels deep");
  }

  @Test
  void decode_invalidUtf8_isRefused() {
    ByteString bytes = ByteString.copyFrom(new byte[] {0x0a, 0x03, 0x0a, 0x01, (byte) 0xff});

    assertThatThrownBy(() -> StructEncoding.decode(bytes)).isInstanceOf(InvalidProtocolBufferException.class);
    assertThatThrownBy(() -> Struct.parseFrom(bytes)).isInstanceOf(InvalidProtocolBufferException.class);
  }

  /** A document whose top level holds {@code levels} maps and lists nested one in the other. */
  private static Map<String, Object> nested(int levels) {
    Object value = "bottom";
    for (int i = 0; i < levels; i++) {
      value = i % 2 == 0 ? List.of(value) : Map.of("n", value);
    }
    return Map.of("top", value);
  }

  private Map<String, Object> document(int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    int size = random.nextInt(depth == 0 ? 6 : 4);
    for (int i = 0; i < size; i++) {
      map.put(random.nextInt(3) == 0 ? STRINGS[random.nextInt(STRINGS.length)] : "k" + random.nextInt(20),
          value(depth));
    }
    return map;
  }

  private Object value(int depth) {
    int kind = random.nextInt(depth < 4 ? 7 : 5);
    return switch (kind) {
      case 0 -> null;
      case 1 -> switch (random.nextInt(5)) {
        case 0 -> random.nextGaussian() * 1e6;
        case 1 -> (double) random.nextInt(10_000);
        case 2 -> -0.0;
        case 3 -> Double.NaN;
        default -> Double.MAX_VALUE;
      };
      case 2 -> STRINGS[random.nextInt(STRINGS.length)];
      case 3 -> "s" + random.nextLong();
      case 4 -> random.nextBoolean();
      case 5 -> document(depth + 1);
      default -> {
        List<Object> list = new ArrayList<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
          list.add(value(depth + 1));
        }
        yield list;
      }
    };
  }

  /** The reference: protobuf's own Struct of a document. */
  private static Struct struct(Map<?, ?> map) {
    Struct.Builder struct = Struct.newBuilder();
    map.forEach((k, v) -> struct.putFields(String.valueOf(k), protoValue(v)));
    return struct.build();
  }

  private static Value protoValue(Object value) {
    if (value == null) {
      return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
    } else if (value instanceof Double d) {
      return Value.newBuilder().setNumberValue(d).build();
    } else if (value instanceof String s) {
      return Value.newBuilder().setStringValue(s).build();
    } else if (value instanceof Boolean b) {
      return Value.newBuilder().setBoolValue(b).build();
    } else if (value instanceof Map<?, ?> m) {
      return Value.newBuilder().setStructValue(struct(m)).build();
    }
    ListValue.Builder list = ListValue.newBuilder();
    ((List<?>) value).forEach(v -> list.addValues(protoValue(v)));
    return Value.newBuilder().setListValue(list).build();
  }

  /** The reference: protobuf's own reading of a Struct as plain values. */
  private static Map<String, Object> plain(Struct struct) {
    Map<String, Object> map = new LinkedHashMap<>();
    struct.getFieldsMap().forEach((k, v) -> map.put(k, plain(v)));
    return map;
  }

  private static Object plain(Value value) {
    return switch (value.getKindCase()) {
      case NULL_VALUE, KIND_NOT_SET -> null;
      case NUMBER_VALUE -> value.getNumberValue();
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> value.getBoolValue();
      case STRUCT_VALUE -> plain(value.getStructValue());
      case LIST_VALUE -> {
        List<Object> list = new ArrayList<>();
        value.getListValue().getValuesList().forEach(v -> list.add(plain(v)));
        yield list;
      }
    };
  }
}
