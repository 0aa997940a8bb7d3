package dev.cairn.controller.store.rocksdb;

import dev.cairn.controller.model.DesiredScope;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Every column family and every key encoding of the controller's RocksDB, in one place. Values
 * are JSON (Jackson) unless stated. Numbers in keys are 8-byte big-endian so that RocksDB's
 * bytewise order is numeric order; names never contain NUL (see {@code Names}), so NUL separates
 * a name from what follows it.
 *
 * <pre>
 * meta               "desired-version" -> 8-byte counter; "schema" -> "1";
 *                    "inventory-applied" -> 8-byte inventory version
 * nodes              name -> NodeRecord
 * health             name -> HealthRecord (latest only)
 * desired            scope(N|G|I) name NUL version -> DesiredRecord (every version kept)
 * commands           id -> CommandRecord (the index by id)
 * queue              node NUL seq -> command id (the per-node queue)
 * results            command id -> ResultRecord
 * events             receivedMillis position -> EventRecord
 * audit              atMillis position -> AuditRecord
 * tokens             'I' id -> ApiTokenRecord;  'H' sha256-hex -> id
 * enrollment-tokens  sha256-hex -> EnrollmentTokenRecord
 * inventory-versions version -> InventoryVersionRecord
 * inventory-files    version path -> the file's bytes (raw, not JSON)
 * alerts             node NUL alert-key -> AlertRecord (the latest state of each alert)
 * runs               'A' id -> RunRecord;  'O' id -> empty, while the run is running
 * </pre>
 */
public final class KeySchema {
  public static final String META = "meta";
  public static final String NODES = "nodes";
  public static final String HEALTH = "health";
  public static final String DESIRED = "desired";
  public static final String COMMANDS = "commands";
  public static final String QUEUE = "queue";
  public static final String RESULTS = "results";
  public static final String EVENTS = "events";
  public static final String AUDIT = "audit";
  public static final String TOKENS = "tokens";
  public static final String ENROLLMENT_TOKENS = "enrollment-tokens";
  public static final String INVENTORY_VERSIONS = "inventory-versions";
  public static final String INVENTORY_FILES = "inventory-files";
  public static final String ALERTS = "alerts";
  public static final String RUNS = "runs";
  /** {@code node NUL event id} of every event an agent sent: each is stored once. */
  public static final String EVENT_IDS = "event-ids";

  /** Column families besides RocksDB's {@code default}, which stays empty. */
  public static final List<String> COLUMN_FAMILIES =
      List.of(META, NODES, HEALTH, DESIRED, COMMANDS, QUEUE, RESULTS, EVENTS, AUDIT, TOKENS,
          ENROLLMENT_TOKENS, INVENTORY_VERSIONS, INVENTORY_FILES, ALERTS, RUNS, EVENT_IDS);

  public static final byte[] DESIRED_VERSION = utf8("desired-version");
  public static final byte[] INVENTORY_APPLIED = utf8("inventory-applied");
  public static final byte[] SCHEMA = utf8("schema");
  public static final String SCHEMA_VERSION = "1";

  private static final byte NUL = 0;
  private static final byte TOKEN_BY_ID = 'I';
  private static final byte TOKEN_BY_HASH = 'H';
  private static final byte RUN = 'A';
  private static final byte RUN_OPEN = 'O';

  private KeySchema() {}

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public static String string(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public static byte[] node(String name) {
    return utf8(name);
  }

  public static byte[] command(String id) {
    return utf8(id);
  }

  /** {@code node NUL}: the prefix of every queue entry of the node. */
  public static byte[] queuePrefix(String node) {
    return concat(utf8(node), new byte[] {NUL});
  }

  /** {@code node NUL id}: an agent's event id, which is unique per node. */
  public static byte[] eventId(String node, String id) {
    return concat(queuePrefix(node), utf8(id));
  }

  public static byte[] queue(String node, long seq) {
    return concat(queuePrefix(node), u64(seq));
  }

  public static long queueSeq(byte[] key) {
    return ByteBuffer.wrap(key, key.length - 8, 8).getLong();
  }

  /** {@code scope name NUL}: the prefix of every version of one document. */
  public static byte[] desiredPrefix(DesiredScope scope, String name) {
    byte scopeByte = switch (scope) {
      case NODE -> (byte) 'N';
      case GROUP -> (byte) 'G';
      case INVENTORY -> (byte) 'I';
    };
    return concat(new byte[] {scopeByte}, utf8(name), new byte[] {NUL});
  }

  public static byte[] desired(DesiredScope scope, String name, long version) {
    return concat(desiredPrefix(scope, name), u64(version));
  }

  /** Key of a log entry (events, audit): time first so that "since" is a seek. */
  public static byte[] logEntry(Instant at, long position) {
    return concat(u64(Math.max(0, at.toEpochMilli())), u64(position));
  }

  public static byte[] logFrom(Instant since) {
    return concat(u64(Math.max(0, since.toEpochMilli())), u64(0));
  }

  public static long logPosition(byte[] key) {
    return ByteBuffer.wrap(key, 8, 8).getLong();
  }

  public static byte[] tokenById(String id) {
    return concat(new byte[] {TOKEN_BY_ID}, utf8(id));
  }

  public static byte[] tokenByIdPrefix() {
    return new byte[] {TOKEN_BY_ID};
  }

  public static byte[] tokenByHash(String hash) {
    return concat(new byte[] {TOKEN_BY_HASH}, utf8(hash));
  }

  public static byte[] enrollmentToken(String hash) {
    return utf8(hash);
  }

  public static byte[] inventoryVersion(long version) {
    return u64(version);
  }

  /** {@code version}: the prefix of every file of one inventory version. */
  public static byte[] inventoryFilesPrefix(long version) {
    return u64(version);
  }

  public static byte[] inventoryFile(long version, String path) {
    return concat(u64(version), utf8(path));
  }

  /** The file's path inside its inventory version. */
  public static String inventoryFilePath(byte[] key) {
    return new String(key, 8, key.length - 8, StandardCharsets.UTF_8);
  }

  /** {@code node NUL}: the prefix of every alert of the node. */
  public static byte[] alertPrefix(String node) {
    return concat(utf8(node), new byte[] {NUL});
  }

  public static byte[] alert(String node, String key) {
    return concat(alertPrefix(node), utf8(key));
  }

  public static byte[] run(String id) {
    return concat(new byte[] {RUN}, utf8(id));
  }

  public static byte[] runPrefix() {
    return new byte[] {RUN};
  }

  public static byte[] openRun(String id) {
    return concat(new byte[] {RUN_OPEN}, utf8(id));
  }

  public static byte[] openRunPrefix() {
    return new byte[] {RUN_OPEN};
  }

  /** The id in a {@link #run} or {@link #openRun} key. */
  public static String runId(byte[] key) {
    return new String(key, 1, key.length - 1, StandardCharsets.UTF_8);
  }

  /** The smallest key greater than every key starting with {@code prefix} (for reverse seeks). */
  public static byte[] afterPrefix(byte[] prefix) {
    byte[] upper = Arrays.copyOf(prefix, prefix.length + 9);
    Arrays.fill(upper, prefix.length, upper.length, (byte) 0xFF);
    return upper;
  }

  public static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  public static byte[] u64(long value) {
    return ByteBuffer.allocate(8).putLong(value).array();
  }

  public static long u64(byte[] bytes) {
    return ByteBuffer.wrap(bytes).getLong();
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    ByteBuffer buffer = ByteBuffer.allocate(length);
    for (byte[] part : parts) {
      buffer.put(part);
    }
    return buffer.array();
  }
}
