/**
 * The RocksDB implementation of the controller's store. {@link
 * dev.cairn.controller.store.rocksdb.KeySchema} holds every column family and key encoding;
 * values are JSON. Writes that anyone is told about use synced write-ahead-log writes.
 */
package dev.cairn.controller.store.rocksdb;
