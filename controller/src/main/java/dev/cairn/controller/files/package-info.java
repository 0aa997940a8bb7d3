/** Crash-safe writes of the controller's small files (CA key, certificates, admin token). */
package dev.cairn.controller.files;
