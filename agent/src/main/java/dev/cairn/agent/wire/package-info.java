/**
 * The contract's fields that the agent encodes by hand: documents as {@code bytes} in the encoding
 * of {@code google.protobuf.Struct}, and maps as {@code repeated} entries. Protobuf's descriptors,
 * which its {@code Struct} and map fields build, stay out of the agent (docs/protocol.md).
 * Depends on protobuf's runtime and the generated contract only.
 */
package dev.cairn.agent.wire;
