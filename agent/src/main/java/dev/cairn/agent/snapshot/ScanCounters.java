package dev.cairn.agent.snapshot;

import dev.cairn.agent.repository.FileError;
import java.util.ArrayList;
import java.util.List;

/** What the scanner counted; written by the scanning thread only. */
final class ScanCounters {
  static final int MAX_ERRORS_KEPT = 1000;

  long filesNew;
  long filesChanged;
  long filesUnchanged;
  long dirs;
  long errors;
  long bytesRead;
  long bytesTotal;
  final List<FileError> errorList = new ArrayList<>();

  void error(String path, String message) {
    errors++;
    if (errorList.size() < MAX_ERRORS_KEPT) {
      errorList.add(new FileError(path, message));
    }
  }

  long files() {
    return filesNew + filesChanged + filesUnchanged;
  }
}
