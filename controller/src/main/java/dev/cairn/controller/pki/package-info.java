/**
 * The controller's PKI: the certificate authority (EC P-256, SHA256withECDSA, Bouncy Castle), the
 * gRPC server certificate, enrollment CSR checks, fingerprints ({@code sha256:<hex of DER>}).
 * See docs/security.md.
 */
package dev.cairn.controller.pki;
