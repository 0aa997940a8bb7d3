/**
 * The REST API under {@code /api/v1} (docs/rest-api.md): thin JAX-RS resources over the
 * operator-facing services, the exception mappers that turn failures into {@code {"error",
 * "message"}} through the {@code ErrorCode} table, and the audit filter.
 */
package dev.cairn.controller.resources;
