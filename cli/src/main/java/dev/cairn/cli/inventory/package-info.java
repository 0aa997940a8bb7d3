/**
 * {@code cairn inventory ...}: Ansible-compatible inventory commands ({@code hosts}, {@code vars},
 * {@code graph}, {@code desired}, {@code check}). They parse arguments and print; the work is
 * done in the {@code inventory} module.
 */
package dev.cairn.cli.inventory;
