/**
 * The JSON shapes of the REST API under {@code /api/v1} (docs/rest-api.md): request bodies and
 * views. Plain records, serialised by Jackson.
 */
package dev.cairn.controller.api;
