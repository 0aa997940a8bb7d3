/**
 * Host addresses as inventory entries write them: a name or IP address, an optional
 * {@code :port}, and ranges ({@code node[01:20]}, {@code rack-[a:c]}, {@code [1:10:2]}) that stand
 * for many hosts.
 *
 * <p>A leaf package: used by the inventory readers (to expand entries) and by host patterns (to
 * tell {@code a:b} from an address). Fails with {@link
 * dev.cairn.inventory.address.HostRangeException}.
 */
package dev.cairn.inventory.address;
