package dev.cairn.agent.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.cairn.proto.v1.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributesTest {

  @Test
  void entries_areWrittenAsAMapFieldIs() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("volume", "postgresql-data");
    attributes.put("outcome", "ok");

    byte[] written = Event.newBuilder().addAllAttributes(Attributes.of(attributes)).build().toByteArray();

    assertThat(written).isEqualTo(mapField(attributes));
  }

  @Test
  void mapField_withEmptyKeyAndValue_readsBackAsTheMap() throws Exception {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("", "");
    attributes.put("level", "");
    attributes.put("key", "volume-capacity:/opt/ai-q");

    Event read = Event.parseFrom(mapField(attributes));

    assertThat(Attributes.toMap(read.getAttributesList())).containsExactlyEntriesOf(attributes);
  }

  @Test
  void toMap_repeatedKey_lastValueCountsInTheFirstPlace() {
    Event event = Event.newBuilder()
        .addAllAttributes(Attributes.of(Map.of("a", "1")))
        .addAllAttributes(Attributes.of(Map.of("b", "2")))
        .addAllAttributes(Attributes.of(Map.of("a", "3")))
        .build();

    assertThat(Attributes.toMap(event.getAttributesList())).containsExactly(Map.entry("a", "3"), Map.entry("b", "2"));
  }

  /** Field 5 as protobuf writes a {@code map<string, string>}: key and value always, in order. */
  private static byte[] mapField(Map<String, String> map) {
    ByteString.Output bytes = ByteString.newOutput();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      for (Map.Entry<String, String> entry : map.entrySet()) {
        int size = CodedOutputStream.computeStringSize(1, entry.getKey())
            + CodedOutputStream.computeStringSize(2, entry.getValue());
        out.writeTag(5, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        out.writeUInt32NoTag(size);
        out.writeString(1, entry.getKey());
        out.writeString(2, entry.getValue());
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteString().toByteArray();
  }
}
