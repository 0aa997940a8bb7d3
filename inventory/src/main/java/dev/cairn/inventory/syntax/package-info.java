/**
 * The notations an Ansible inventory is written in, read exactly as Ansible reads them: YAML 1.1
 * and JSON documents ({@link dev.cairn.inventory.syntax.YamlDocument}), the shell-style words of an
 * INI host line ({@link dev.cairn.inventory.syntax.ShellWords}) and the Python literals of INI
 * values ({@link dev.cairn.inventory.syntax.PythonLiteral}).
 *
 * <p>A leaf package: it knows nothing of hosts or groups. Its one failure is {@link
 * dev.cairn.inventory.syntax.SyntaxException}, which carries the line; readers of files add the
 * file name.
 */
package dev.cairn.inventory.syntax;
