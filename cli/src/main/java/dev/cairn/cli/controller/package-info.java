/** {@code cairn controller server}: runs the controller (module {@code controller}) in the foreground. */
package dev.cairn.cli.controller;
