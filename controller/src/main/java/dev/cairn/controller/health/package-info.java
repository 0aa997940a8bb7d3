/** Admin-port health checks: the RocksDB store and the gRPC server. */
package dev.cairn.controller.health;
