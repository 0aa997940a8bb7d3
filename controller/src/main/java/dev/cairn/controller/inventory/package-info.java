/**
 * Inventories on the controller: what an admin uploads (a single inventory file, or a tar or
 * tar.gz of an inventory directory) unpacked safely into a private temporary directory ({@link
 * dev.cairn.controller.inventory.InventoryFiles}: no absolute paths, no {@code ..}, no links, size
 * limits), loaded with the {@code inventory} module ({@link
 * dev.cairn.controller.inventory.LoadedInventory}), and the host-pattern scope of fleet runs
 * ({@link dev.cairn.controller.inventory.FleetScope}: the inventory plus the nodes it does not
 * list, which belong to {@code all} only).
 *
 * <p>Depends on {@code error} and the {@code inventory} module only; {@code service} uses it.
 */
package dev.cairn.controller.inventory;
