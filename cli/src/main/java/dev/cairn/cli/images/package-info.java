/**
 * {@code cairn images}: node-local commands over the image cache ({@code import}, {@code list},
 * {@code load}, {@code rollback}, {@code gc}, {@code push}). They parse arguments and print (human
 * text, or JSON with {@code --json}); the work is done by {@code dev.cairn.agent.image.ImageService}.
 */
package dev.cairn.cli.images;
