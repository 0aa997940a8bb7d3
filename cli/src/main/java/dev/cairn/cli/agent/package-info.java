/** {@code cairn agent run}: runs the node agent (module {@code agent}, package {@code daemon}) in the foreground. */
package dev.cairn.cli.agent;
