package dev.cairn.controller.store.rocksdb;

import dev.cairn.controller.store.AgentEntryStore;
import dev.cairn.controller.store.AlertStore;
import dev.cairn.controller.store.ApiTokenStore;
import dev.cairn.controller.store.AuditStore;
import dev.cairn.controller.store.CommandStore;
import dev.cairn.controller.store.ControllerStore;
import dev.cairn.controller.store.DesiredStore;
import dev.cairn.controller.store.EnrollmentTokenStore;
import dev.cairn.controller.store.EventStore;
import dev.cairn.controller.store.InventoryStore;
import dev.cairn.controller.store.NodeStore;
import dev.cairn.controller.store.RunStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** The controller's store on one RocksDB directory. Thread-safe; close it once, at shutdown. */
public final class RocksControllerStore implements ControllerStore {
  private final RocksDatabase db;
  private final RocksNodeStore nodes;
  private final RocksDesiredStore desired;
  private final RocksCommandStore commands;
  private final RocksEventStore events;
  private final RocksAgentEntryStore agentEntries;
  private final RocksAuditStore audit;
  private final RocksApiTokenStore apiTokens;
  private final RocksEnrollmentTokenStore enrollmentTokens;
  private final RocksInventoryStore inventory;
  private final RocksRunStore runs;
  private final RocksAlertStore alerts;

  private RocksControllerStore(RocksDatabase db, Clock clock) {
    this.db = db;
    this.nodes = new RocksNodeStore(db);
    this.desired = new RocksDesiredStore(db, nodes, clock);
    this.commands = new RocksCommandStore(db, nodes);
    this.alerts = new RocksAlertStore(db);
    this.events = new RocksEventStore(db, alerts);
    this.agentEntries = new RocksAgentEntryStore(db, nodes, commands, events);
    this.audit = new RocksAuditStore(db);
    this.apiTokens = new RocksApiTokenStore(db);
    this.enrollmentTokens = new RocksEnrollmentTokenStore(db);
    this.inventory = new RocksInventoryStore(db, nodes, desired);
    this.runs = new RocksRunStore(db);
  }

  /** Opens (or creates) the database in {@code dir}. */
  public static RocksControllerStore open(Path dir, Clock clock) throws IOException {
    return new RocksControllerStore(RocksDatabase.open(dir), clock);
  }

  @Override
  public NodeStore nodes() {
    return nodes;
  }

  @Override
  public DesiredStore desired() {
    return desired;
  }

  @Override
  public CommandStore commands() {
    return commands;
  }

  @Override
  public AgentEntryStore agentEntries() {
    return agentEntries;
  }

  @Override
  public EventStore events() {
    return events;
  }

  @Override
  public AuditStore audit() {
    return audit;
  }

  @Override
  public ApiTokenStore apiTokens() {
    return apiTokens;
  }

  @Override
  public EnrollmentTokenStore enrollmentTokens() {
    return enrollmentTokens;
  }

  @Override
  public InventoryStore inventory() {
    return inventory;
  }

  @Override
  public RunStore runs() {
    return runs;
  }

  @Override
  public AlertStore alerts() {
    return alerts;
  }

  @Override
  public void ping() {
    db.get(KeySchema.META, KeySchema.SCHEMA);
  }

  @Override
  public void close() {
    db.close();
  }
}
