/**
 * The controller's services. {@link dev.cairn.controller.service.DeviceService} (with {@link
 * dev.cairn.controller.service.DeviceSession}) is the device-facing side: everything agents send
 * enters through it, whatever the transport. The operator-facing services ({@code NodeService},
 * {@code DesiredStateService}, {@code CommandService}, {@code EventService}, {@code TokenService},
 * {@code EnrollmentService}, {@code AuditService}) serve the REST API. Services depend on the
 * {@code store} interfaces, never on RocksDB or on a transport.
 */
package dev.cairn.controller.service;
