package dev.cairn.agent.job.child;

import java.util.Locale;

/** What a job process runs: one operation of {@code BackupJobs} or {@code ImageJobs}. */
public enum JobOperation {
  SNAPSHOT, RESTORE, VERIFY, RESTORE_TEST, FORGET, PRUNE, ARCHIVE, LOAD_IMAGES, ROLLBACK_IMAGE, RECOVER_PAUSES;

  /** The name in a request, e.g. {@code restore-test}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static JobOperation ofWireName(String name) throws JobRequestException {
    for (JobOperation operation : values()) {
      if (operation.wireName().equals(name)) {
        return operation;
      }
    }
    throw new JobRequestException("unknown job operation '" + name + "'");
  }
}
