/**
 * {@code cairn volumes}: node-local commands for the volume layout — lay it out from a catalogue
 * ({@code init}) and measure its health ({@code health}), without an agent or controller.
 *
 * <p>Terms as in {@code dev.cairn.agent.layout} (catalogue, drift) and {@code
 * dev.cairn.agent.health} (finding, status). Operator guide: {@code docs/volumes.md}.
 */
package dev.cairn.cli.volumes;
