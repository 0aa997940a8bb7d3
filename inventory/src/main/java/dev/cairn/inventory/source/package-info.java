/**
 * Reading inventory sources: {@link dev.cairn.inventory.source.InventoryLoader} walks files and
 * directories as {@code ansible-inventory -i} does, parses YAML/JSON and INI inventories, reads
 * {@code group_vars/} and {@code host_vars/}, and builds an immutable {@link
 * dev.cairn.inventory.Inventory} under Ansible's rules (implicit groups {@code all} and
 * {@code ungrouped}, no cycles in {@code children}).
 *
 * <p>Depends on {@code dev.cairn.inventory} (the model it builds), {@code syntax} and
 * {@code address}. Errors are {@link dev.cairn.inventory.InventoryParseException}s naming file
 * and line.
 */
package dev.cairn.inventory.source;
