package dev.cairn.agent.snapshot;

import dev.cairn.agent.repository.FileError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the scan counted. File counts are written by the scanning thread; bytes read and errors
 * also by reader threads (atomic / synchronized).
 */
final class ScanCounters {
  static final int MAX_ERRORS_KEPT = 1000;

  long filesNew;
  long filesChanged;
  long filesUnchanged;
  long dirs;
  long bytesTotal;
  final AtomicLong bytesRead = new AtomicLong();
  private long errors;
  private final List<FileError> errorList = new ArrayList<>();

  synchronized void error(String path, String message) {
    errors++;
    if (errorList.size() < MAX_ERRORS_KEPT) {
      errorList.add(new FileError(path, message));
    }
  }

  synchronized long errors() {
    return errors;
  }

  synchronized List<FileError> errorList() {
    return List.copyOf(errorList);
  }

  long files() {
    return filesNew + filesChanged + filesUnchanged;
  }
}
