package dev.cairn.agent.snapshot;

import dev.cairn.agent.repository.FileError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What the scan counted, written by the scanning and reading threads. Thread-safe. */
final class ScanCounters {
  static final int MAX_ERRORS_KEPT = 1000;

  final AtomicLong filesNew = new AtomicLong();
  final AtomicLong filesChanged = new AtomicLong();
  final AtomicLong filesUnchanged = new AtomicLong();
  final AtomicLong dirs = new AtomicLong();
  final AtomicLong bytesTotal = new AtomicLong();
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
    return filesNew.get() + filesChanged.get() + filesUnchanged.get();
  }
}
