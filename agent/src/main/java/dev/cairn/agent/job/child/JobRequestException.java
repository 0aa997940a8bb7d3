package dev.cairn.agent.job.child;

/** A job request or a job process's answer that does not follow docs/agent-jobs.md. */
public final class JobRequestException extends Exception {

  private static final long serialVersionUID = 1L;

  public JobRequestException(String message) {
    super(message);
  }
}
