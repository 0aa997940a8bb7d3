/**
 * The controller's values: immutable records of nodes, desired-state documents, commands and
 * their results, events, audit entries and tokens. The store persists them; services and
 * resources pass them around. No behaviour beyond small derivations ({@code with*}, {@code
 * isFinal}).
 */
package dev.cairn.controller.model;
