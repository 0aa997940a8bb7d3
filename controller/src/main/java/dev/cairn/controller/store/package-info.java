/**
 * Storage interfaces of the controller: nodes, desired state, command queues and results, agent
 * outbox entries, events, audit log, API tokens and enrollment tokens. Services depend on these
 * interfaces only; {@code store.rocksdb} implements them.
 */
package dev.cairn.controller.store;
