/**
 * The volume layout: the directories of the node's volume catalogue under its base directory
 * (default {@code /opt/ai-q}), created with their owner, group and mode, and kept that way.
 *
 * <p>Terms: the <em>catalogue</em> ({@link dev.cairn.agent.layout.Catalogue}) is data, the volume
 * part of the node's desired state (the inventory model's {@code volumes}, {@code baseDir}, {@code
 * drift}, {@code alertThresholds}), the seed's seven-service default when none is given; it is
 * <em>declared</em> when a desired state, a catalogue file or an operator named it. <em>Drift</em> is
 * a volume directory that differs from its catalogue entry (missing, wrong mode, owner or group, not
 * a directory, a symbolic link); the <em>drift policy</em> says whether the agent repairs it or only
 * reports it. Invalid catalogues are refused whole before anything is touched. Depends on the
 * {@code inventory} model, {@code desired} (its applier) and {@code command} (the outcome
 * vocabulary); {@code health} depends on it. Operator guide: {@code docs/volumes.md}.
 */
package dev.cairn.agent.layout;
