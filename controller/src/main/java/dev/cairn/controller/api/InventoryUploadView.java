package dev.cairn.controller.api;

import dev.cairn.inventory.InventoryDiff;

/**
 * The answer to an upload: the new version, how it differs from the applied inventory ({@code
 * diff}, null when none is applied) and what applying it would change ({@code preview}).
 */
public record InventoryUploadView(
    InventoryVersionView version, InventoryDiff diff, InventoryPreview preview) {}
