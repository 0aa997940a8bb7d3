/**
 * Backends: where a repository's objects are stored (a local directory, S3-compatible object
 * storage), and the decorators around them (retrying, logging).
 *
 * <p>Last step of the agent write path: volume → chunk → compress → crypto → pack → repository →
 * <b>backend</b>. Depends on nothing else in the agent.
 *
 * <p>Terms:
 *
 * <ul>
 *   <li><b>object</b> — an immutable byte string named by a {@link dev.cairn.agent.backend.Handle}
 *       (a {@link dev.cairn.agent.backend.FileType} plus a name); saved atomically, read by range.
 *   <li><b>location</b> — where a repository lives, written as in restic ({@code /dir}, {@code
 *       local:/dir}, {@code s3:http://host:port/bucket/prefix}); parsed by {@link
 *       dev.cairn.agent.backend.BackendLocation}.
 *   <li><b>permanent error</b> — one that retrying cannot fix (not found, access denied); {@link
 *       dev.cairn.agent.backend.Backend#isPermanent} tells, {@link
 *       dev.cairn.agent.backend.RetryingBackend} obeys.
 *   <li><b>decorator stack</b> — {@code Retrying(Logging(raw))}: every attempt is logged, the
 *       retrying layer sees every failure ({@link
 *       dev.cairn.agent.backend.RetryingBackend#standard}).
 * </ul>
 *
 * <p>Conformance: every backend passes the same suite ({@code BackendConformanceTest} in the
 * tests).
 */
package dev.cairn.agent.backend;
