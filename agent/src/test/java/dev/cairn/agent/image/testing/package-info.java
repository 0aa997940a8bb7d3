/**
 * Test fixtures that start real servers for the image tests: a private Docker engine
 * ({@link dev.cairn.agent.image.testing.DockerdExtension}), a Docker Distribution registry on
 * 127.0.0.1 ({@link dev.cairn.agent.image.testing.RegistryServer}), and busybox-based test images
 * built with the engine ({@link dev.cairn.agent.image.testing.BusyboxImages}).
 */
package dev.cairn.agent.image.testing;
