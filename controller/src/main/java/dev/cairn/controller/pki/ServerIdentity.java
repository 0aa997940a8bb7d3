package dev.cairn.controller.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** The gRPC server's key and certificate; held in memory only and re-issued on every start. */
public record ServerIdentity(PrivateKey key, X509Certificate certificate) {}
