package dev.cairn.agent.repository;

import java.security.SecureRandom;

/** The one CSPRNG for names and ids in this package. */
final class Randomness {
  static final SecureRandom SECURE = new SecureRandom();

  private Randomness() {}
}
