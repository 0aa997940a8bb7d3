package dev.cairn.agent.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON-like documents (maps of strings, numbers, booleans, nulls, lists and maps) in the encoding
 * of {@code google.protobuf.Struct}, the form of the contract's {@code bytes} documents
 * ({@code DesiredState.spec}, {@code CommandResult.details}; docs/protocol.md, "Documents as
 * bytes").
 *
 * <p>Written by hand because protobuf's own {@code Struct} builds the descriptors of every file
 * it comes from the first time a map field is used: about 250 classes and 3 MiB of the agent's
 * resident memory, for good. This class reads and writes the same bytes with {@link
 * CodedInputStream} and {@link CodedOutputStream} alone. Numbers are doubles, as in a Struct.
 * Reading is as lenient as protobuf's: unknown fields are skipped, the last of two equal keys and
 * the last of two kinds in a value count. Stateless.
 */
public final class StructEncoding {

  /** Maps and lists nested deeper than this are refused; the controller refuses them too. */
  public static final int MAX_DEPTH = 100;

  // Tags: field number << 3 | wire type (0 varint, 1 fixed64, 2 length-delimited).
  private static final int STRUCT_FIELDS = 1 << 3 | 2;
  private static final int ENTRY_KEY = 1 << 3 | 2;
  private static final int ENTRY_VALUE = 2 << 3 | 2;
  private static final int VALUE_NULL = 1 << 3;
  private static final int VALUE_NUMBER = 2 << 3 | 1;
  private static final int VALUE_STRING = 3 << 3 | 2;
  private static final int VALUE_BOOL = 4 << 3;
  private static final int VALUE_STRUCT = 5 << 3 | 2;
  private static final int VALUE_LIST = 6 << 3 | 2;
  private static final int LIST_VALUES = 1 << 3 | 2;

  private StructEncoding() {}

  /**
   * The encoding of {@code document}. Numbers become doubles; values of other types become their
   * {@code toString()}; map keys their {@code String.valueOf}.
   */
  public static ByteString encode(Map<String, ?> document) {
    return struct(document);
  }

  /**
   * The document {@code bytes} encode, in their order; numbers are {@link Double}s, JSON null is
   * {@code null}.
   *
   * @throws InvalidProtocolBufferException if the bytes are not a Struct's encoding
   */
  public static Map<String, Object> decode(ByteString bytes) throws InvalidProtocolBufferException {
    CodedInputStream in = bytes.newCodedInput();
    try {
      return readStruct(in, 1);
    } catch (InvalidProtocolBufferException e) {
      throw e;
    } catch (IOException e) {
      throw new InvalidProtocolBufferException(e);
    }
  }

  private static ByteString struct(Map<?, ?> map) {
    return write(out -> {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        ByteString encoded = write(e -> {
          e.writeString(1, String.valueOf(entry.getKey()));
          e.writeBytes(2, value(entry.getValue()));
        });
        out.writeBytes(1, encoded);
      }
    });
  }

  private static ByteString value(Object value) {
    return write(out -> {
      if (value == null) {
        out.writeEnum(1, 0);
      } else if (value instanceof Number n) {
        out.writeDouble(2, n.doubleValue());
      } else if (value instanceof Boolean b) {
        out.writeBool(4, b);
      } else if (value instanceof Map<?, ?> m) {
        out.writeBytes(5, struct(m));
      } else if (value instanceof Collection<?> c) {
        ByteString list = write(l -> {
          for (Object element : c) {
            l.writeBytes(1, value(element));
          }
        });
        out.writeBytes(6, list);
      } else {
        out.writeString(3, value.toString());
      }
    });
  }

  private interface Writer {
    void write(CodedOutputStream out) throws IOException;
  }

  private static ByteString write(Writer writer) {
    ByteString.Output bytes = ByteString.newOutput(64);
    // one stream per nested message: a small buffer, not the default 4 KiB each
    CodedOutputStream out = CodedOutputStream.newInstance(bytes, 64);
    try {
      writer.write(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return bytes.toByteString();
  }

  private static Map<String, Object> readStruct(CodedInputStream in, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new InvalidProtocolBufferException("the document nests maps and lists more than " + MAX_DEPTH
          + " levels deep");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == STRUCT_FIELDS) {
        int limit = in.pushLimit(in.readRawVarint32());
        readEntry(in, map, depth);
        in.popLimit(limit);
      } else {
        skip(in, tag);
      }
    }
    return map;
  }

  private static void readEntry(CodedInputStream in, Map<String, Object> map, int depth) throws IOException {
    String key = "";
    Object value = null;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == ENTRY_KEY) {
        key = in.readStringRequireUtf8();
      } else if (tag == ENTRY_VALUE) {
        int limit = in.pushLimit(in.readRawVarint32());
        value = readValue(in, depth);
        in.popLimit(limit);
      } else {
        skip(in, tag);
      }
    }
    map.put(key, value); // as protobuf's map: the last value of a key, in the key's first place
  }

  private static Object readValue(CodedInputStream in, int depth) throws IOException {
    Object value = null;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag) {
        case VALUE_NULL -> {
          in.readEnum();
          value = null;
        }
        case VALUE_NUMBER -> value = in.readDouble();
        case VALUE_STRING -> value = in.readStringRequireUtf8();
        case VALUE_BOOL -> value = in.readBool();
        case VALUE_STRUCT -> {
          int limit = in.pushLimit(in.readRawVarint32());
          value = readStruct(in, depth + 1);
          in.popLimit(limit);
        }
        case VALUE_LIST -> {
          int limit = in.pushLimit(in.readRawVarint32());
          value = readList(in, depth + 1);
          in.popLimit(limit);
        }
        default -> skip(in, tag);
      }
    }
    return value;
  }

  /** Skips an unknown field, as protobuf does; an unmatched end-group tag is an error, as there. */
  private static void skip(CodedInputStream in, int tag) throws IOException {
    if (!in.skipField(tag)) {
      throw new InvalidProtocolBufferException("the document has an end-group tag that closes no group");
    }
  }

  private static List<Object> readList(CodedInputStream in, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new InvalidProtocolBufferException("the document nests maps and lists more than " + MAX_DEPTH
          + " levels deep");
    }
    List<Object> list = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == LIST_VALUES) {
        int limit = in.pushLimit(in.readRawVarint32());
        list.add(readValue(in, depth));
        in.popLimit(limit);
      } else {
        skip(in, tag);
      }
    }
    return list;
  }
}
