/**
 * The fleet model read from an Ansible inventory. Terms:
 *
 * <ul>
 *   <li><b>host</b>: a machine of the fleet, by its inventory name (a Cairn node has the same
 *       name);
 *   <li><b>group</b>: a named set of hosts and child groups; {@code all} contains everything,
 *       {@code ungrouped} the hosts that are in no other group;
 *   <li><b>variables</b>: values set on groups and hosts, merged for a host by Ansible's
 *       precedence ({@link dev.cairn.inventory.Inventory#vars(String)});
 *   <li><b>host pattern</b>: an expression selecting hosts ({@link
 *       dev.cairn.inventory.Inventory#hosts(String)});
 *   <li><b>origin</b>: the file and line where something was written.
 * </ul>
 *
 * <p>Package dependencies (no cycles): {@code syntax} and {@code address} are leaves;
 * {@code pattern} → {@code address}; this package → {@code pattern}; {@code source} → this
 * package, {@code syntax}, {@code address}; {@code desired} → this package. No gRPC, Docker or
 * RocksDB anywhere in the module.
 */
package dev.cairn.inventory;
