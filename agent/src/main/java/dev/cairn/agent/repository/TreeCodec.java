package dev.cairn.agent.repository;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Encodes and decodes tree blobs (UTF-8 JSON, docs/repository-format.md §8) with Jackson's
 * streaming API: fields in a fixed order (equal trees encode to equal bytes, so they
 * deduplicate), little work per node (trees are read and written for every directory of every
 * snapshot). Decoding validates every name, so a damaged or hostile tree cannot make a restore
 * write outside its target directory.
 */
public final class TreeCodec {

  private static final JsonFactory JSON = JsonCodec.mapper().getFactory();

  private TreeCodec() {}

  public static byte[] encode(Tree tree) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + tree.nodes().size() * 256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("version", tree.version());
      json.writeArrayFieldStart("nodes");
      for (Node node : tree.nodes()) {
        write(json, node);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a tree", e);
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator json, Node n) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", n.name());
    json.writeStringField("type", n.type().spelling());
    json.writeNumberField("mode", n.mode());
    json.writeNumberField("uid", n.uid());
    json.writeNumberField("gid", n.gid());
    json.writeNumberField("mtime", n.mtime());
    json.writeNumberField("atime", n.atime());
    json.writeNumberField("ctime", n.ctime());
    json.writeNumberField("dev", n.dev());
    json.writeNumberField("inode", n.inode());
    json.writeNumberField("links", n.links());
    json.writeNumberField("size", n.size());
    json.writeNumberField("rdev", n.rdev());
    if (n.target() != null) {
      json.writeStringField("target", n.target());
    }
    if (n.subtree() != null) {
      json.writeStringField("subtree", n.subtree().hex());
    }
    if (n.content() != null) {
      json.writeArrayFieldStart("content");
      for (BlobId id : n.content()) {
        json.writeString(id.hex());
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  public static Tree decode(byte[] bytes, String what) throws CorruptObjectException {
    Tree tree;
    try (JsonParser json = JSON.createParser(bytes)) {
      tree = read(json);
    } catch (IOException | RuntimeException e) {
      throw new CorruptObjectException(what + " does not parse: " + e.getMessage(), e);
    }
    if (tree.version() != Tree.VERSION) {
      throw new CorruptObjectException(what + " has unknown tree version " + tree.version());
    }
    Set<String> names = new HashSet<>();
    for (Node node : tree.nodes()) {
      if (!isSafeName(node.name())) {
        throw new CorruptObjectException(what + " contains an unsafe name '" + node.name() + "'");
      }
      if (!names.add(node.name())) {
        throw new CorruptObjectException(what + " lists '" + node.name() + "' twice");
      }
      if (node.type() == null || (node.isDir() && node.subtree() == null)) {
        throw new CorruptObjectException(what + ": node '" + node.name() + "' lacks its type or subtree");
      }
    }
    return tree;
  }

  private static Tree read(JsonParser json) throws IOException {
    expect(json.nextToken(), JsonToken.START_OBJECT);
    int version = -1;
    List<Node> nodes = new ArrayList<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      if (field.equals("version")) {
        version = json.getIntValue();
      } else if (field.equals("nodes")) {
        expect(value, JsonToken.START_ARRAY);
        while (json.nextToken() == JsonToken.START_OBJECT) {
          nodes.add(readNode(json));
        }
      } else {
        json.skipChildren(); // a field of a later version
      }
    }
    return new Tree(version, nodes);
  }

  private static Node readNode(JsonParser json) throws IOException {
    String name = null;
    NodeType type = null;
    int mode = 0;
    int uid = 0;
    int gid = 0;
    long mtime = 0;
    long atime = 0;
    long ctime = 0;
    long dev = 0;
    long inode = 0;
    int links = 0;
    long size = 0;
    long rdev = 0;
    String target = null;
    BlobId subtree = null;
    List<BlobId> content = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      switch (field) {
        case "name" -> name = json.getText();
        case "type" -> type = NodeType.parse(json.getText());
        case "mode" -> mode = json.getIntValue();
        case "uid" -> uid = json.getIntValue();
        case "gid" -> gid = json.getIntValue();
        case "mtime" -> mtime = json.getLongValue();
        case "atime" -> atime = json.getLongValue();
        case "ctime" -> ctime = json.getLongValue();
        case "dev" -> dev = json.getLongValue();
        case "inode" -> inode = json.getLongValue();
        case "links" -> links = json.getIntValue();
        case "size" -> size = json.getLongValue();
        case "rdev" -> rdev = json.getLongValue();
        case "target" -> target = value == JsonToken.VALUE_NULL ? null : json.getText();
        case "subtree" -> subtree = value == JsonToken.VALUE_NULL ? null : BlobId.fromHex(json.getText());
        case "content" -> {
          if (value == JsonToken.START_ARRAY) {
            content = new ArrayList<>();
            while (json.nextToken() == JsonToken.VALUE_STRING) {
              content.add(BlobId.fromHex(json.getText()));
            }
          }
        }
        default -> json.skipChildren();
      }
    }
    return new Node(name, type, mode, uid, gid, mtime, atime, ctime, dev, inode, links, size, rdev, target, subtree,
        content);
  }

  private static void expect(JsonToken actual, JsonToken wanted) throws IOException {
    if (actual != wanted) {
      throw new IOException("expected " + wanted + ", found " + actual);
    }
  }

  /** A single path component that cannot climb or hide: not empty, {@code .}, {@code ..}, no / or NUL. */
  public static boolean isSafeName(String name) {
    return name != null && !name.isEmpty() && !name.equals(".") && !name.equals("..")
        && name.indexOf('/') < 0 && name.indexOf('\0') < 0;
  }
}
