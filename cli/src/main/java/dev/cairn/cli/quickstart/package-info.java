/**
 * {@code cairn quickstart}: a controller and one local agent in one JVM on embedded defaults,
 * with all state under one directory ({@link dev.cairn.cli.quickstart.Quickstart}).
 */
package dev.cairn.cli.quickstart;
