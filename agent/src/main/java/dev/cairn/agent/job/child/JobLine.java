package dev.cairn.agent.job.child;

import com.fasterxml.jackson.core.JsonParseException;
import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.proto.v1.Severity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line a job process writes to its standard output (docs/agent-jobs.md): an event while the
 * job runs, then exactly one {@link Done} or {@link Failed}.
 */
sealed interface JobLine {

  /** The line's JSON text, without the line break. */
  String encode();

  /** An event for the agent's outbox, e.g. {@code image.loaded}. */
  record Event(String kind, Severity severity, String message, Map<String, String> attributes) implements JobLine {
    public Event {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(message, "message");
      attributes = Map.copyOf(attributes);
    }

    @Override
    public String encode() {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("kind", kind);
      event.put("severity", severity.name());
      event.put("message", message);
      event.put("attributes", attributes);
      return JsonValues.write(Map.of("event", event));
    }
  }

  /** The job ran; what happened. */
  record Done(Completion completion) implements JobLine {
    @Override
    public String encode() {
      Map<String, Object> done = new LinkedHashMap<>();
      done.put("outcome", completion.outcome().name());
      done.put("message", completion.message());
      done.put("details", completion.details());
      return JsonValues.write(Map.of("done", done));
    }
  }

  /** The job could not run: {@code kind} says how ({@link FailureKind}), {@code message} why. */
  record Failed(FailureKind kind, String message) implements JobLine {
    @Override
    public String encode() {
      return JsonValues.write(Map.of("failed", Map.of("kind", kind.name(), "message", message)));
    }
  }

  /** How a job failed to run, so the agent throws what the job threw. */
  enum FailureKind {
    /** An expected failure (a {@code CommandException}): the message is for the operator. */
    JOB,
    /** An I/O error. */
    IO,
    /** The job was stopped (the agent is stopping). */
    INTERRUPTED,
    /** A defect: an unexpected exception, whose stack trace went to the agent's log. */
    INTERNAL
  }

  static JobLine decode(String line) throws JobRequestException {
    Map<String, Object> document;
    try {
      document = JsonValues.readObject(line);
    } catch (JsonParseException e) {
      throw new JobRequestException("not a line of the job protocol: " + JsonValues.abbreviate(line));
    }
    JsonFields fields = new JsonFields("line", document);
    try {
      if (document.containsKey("event")) {
        JsonFields event = new JsonFields("event", fields.object("event"));
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> attribute : event.object("attributes").entrySet()) {
          attributes.put(attribute.getKey(), String.valueOf(attribute.getValue()));
        }
        return new Event(event.string("kind"), Severity.valueOf(event.string("severity")), event.string("message"),
            attributes);
      }
      if (document.containsKey("done")) {
        JsonFields done = new JsonFields("done", fields.object("done"));
        return new Done(new Completion(Outcome.valueOf(done.string("outcome")), done.string("message"),
            done.object("details")));
      }
      if (document.containsKey("failed")) {
        JsonFields failed = new JsonFields("failed", fields.object("failed"));
        return new Failed(FailureKind.valueOf(failed.string("kind")), failed.string("message"));
      }
    } catch (IllegalArgumentException e) {
      throw new JobRequestException("not a line of the job protocol (" + e.getMessage() + "): "
          + JsonValues.abbreviate(line));
    }
    throw new JobRequestException("not a line of the job protocol: " + JsonValues.abbreviate(line));
  }
}
