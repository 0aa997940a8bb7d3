/**
 * Expected failures of the controller: a small checked hierarchy under {@link
 * dev.cairn.controller.error.ControllerException}, each carrying an {@link
 * dev.cairn.controller.error.ErrorCode}. {@code ErrorCode} is the single table from failure to HTTP
 * status and gRPC status; the REST exception mappers and the gRPC services both read it.
 */
package dev.cairn.controller.error;
