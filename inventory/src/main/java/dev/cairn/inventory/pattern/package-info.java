/**
 * Host patterns as Ansible evaluates them ({@code ansible PATTERN --list-hosts}): terms joined by
 * {@code :} or {@code ,}, intersections {@code &}, exclusions {@code !}, shell wildcards,
 * {@code ~regular expressions} and subscripts.
 *
 * <p>Depends only on {@code dev.cairn.inventory.address} (to recognise addresses such as
 * {@code fe80::1} that must not be split). The inventory offers itself as a {@link
 * dev.cairn.inventory.pattern.PatternScope}; {@link
 * dev.cairn.inventory.pattern.HostPatternEvaluator} does the rest.
 */
package dev.cairn.inventory.pattern;
