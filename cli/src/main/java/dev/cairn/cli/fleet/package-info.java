/**
 * {@code cairn fleet}: the operator's command-line client of the controller's REST API
 * (java.net.http + Jackson). Each command prints a table or, with {@code --json}, the
 * controller's JSON; failures print one line and exit 1.
 */
package dev.cairn.cli.fleet;
