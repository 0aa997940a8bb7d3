/**
 * Storage interfaces of the controller: nodes, desired state, command queues and results, agent
 * outbox entries, events and the alerts they raise, audit log, API tokens, enrollment tokens,
 * uploaded inventories and fleet runs. Services depend on these
 * interfaces only; {@code store.rocksdb} implements them.
 */
package dev.cairn.controller.store;
