package dev.cairn.agent.image.archive;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The entry policy: normalises entry names and link targets and rejects any that is absolute or
 * climbs out of the archive with {@code ..}.
 */
final class EntryPolicy {

  private EntryPolicy() {}

  /** {@code ./a//b} → {@code a/b}; rejects absolute names and any {@code ..} component. */
  static String normalize(String raw) throws ArchiveRejectedException {
    if (raw.startsWith("/")) {
      throw new ArchiveRejectedException(
          "archive entry '" + raw + "' has an absolute path: image archives hold relative paths only; "
              + "the archive is unsafe and was not imported");
    }
    StringBuilder out = new StringBuilder();
    for (String part : raw.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        throw new ArchiveRejectedException(
            "archive entry '" + raw + "' escapes the archive with '..': the archive is unsafe and was not imported");
      }
      if (part.indexOf('\0') >= 0) {
        throw new ArchiveRejectedException("archive entry '" + raw + "' has a NUL byte in its name");
      }
      out.append(out.length() == 0 ? "" : "/").append(part);
    }
    return out.toString();
  }

  /** The archive path a symbolic link {@code link} → {@code target} points to; must stay inside. */
  static String resolveSymlink(String link, String target) throws ArchiveRejectedException {
    if (target.startsWith("/")) {
      throw new ArchiveRejectedException(
          "archive link '" + link + "' points to the absolute path '" + target
              + "' outside the archive: the archive is unsafe and was not imported");
    }
    Deque<String> parts = new ArrayDeque<>();
    String[] linkParts = link.split("/");
    for (int i = 0; i < linkParts.length - 1; i++) {
      parts.addLast(linkParts[i]);
    }
    for (String part : target.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          throw new ArchiveRejectedException(
              "archive link '" + link + "' points to '" + target
                  + "' outside the archive: the archive is unsafe and was not imported");
        }
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }

  /** The archive path a hard link points to (tar stores it relative to the archive root). */
  static String resolveHardlink(String link, String target) throws ArchiveRejectedException {
    try {
      return normalize(target);
    } catch (ArchiveRejectedException e) {
      throw new ArchiveRejectedException(
          "archive hard link '" + link + "' points to '" + target
              + "' outside the archive: the archive is unsafe and was not imported");
    }
  }
}
