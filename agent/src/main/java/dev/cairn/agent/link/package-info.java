/**
 * The link to the controller: enrollment (a key made on the node, a CSR, TLS pinned to the CA
 * fingerprint) and the one long-lived {@code AgentLink.Connect} stream over mutual TLS.
 *
 * <p>Terms: <em>identity</em> is the node's key, certificate and pinned CA ({@link
 * dev.cairn.agent.link.IdentityStore}); a <em>session</em> is one stream from {@code Hello} to its
 * end; the <em>window</em> bounds outbox entries sent and not yet acknowledged; <em>backoff</em>
 * spaces reconnects. Wire semantics are in {@code docs/protocol.md}. Depends on {@code outbox},
 * {@code command}, {@code desired} and {@code state}; nothing in the agent depends on it except
 * {@code daemon}.
 */
package dev.cairn.agent.link;
