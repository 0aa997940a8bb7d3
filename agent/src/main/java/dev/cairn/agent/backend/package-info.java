/**
 * Backends: where a repository's objects are stored (a local directory, S3-compatible object
 * storage), and the decorators around them (retrying, logging).
 *
 * <p>Last step of the agent write path: volume → chunk → compress → crypto → pack → repository →
 * <b>backend</b>. Depends on nothing else in the agent.
 */
package dev.cairn.agent.backend;
