package dev.cairn.agent.hook;

import dev.cairn.agent.hook.HookOutcome.Phase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a body (a snapshot) between the hooks of some services: every plan's pre steps in order
 * (a failed {@code fail} step stops there and the body is skipped), the body, then the post
 * steps of every plan whose pre phase began — last plan first, as nested setups are undone —
 * even when a pre step or the body failed, and finally the cleanup: each container a pre step
 * paused and no post step unpaused is unpaused, last paused first. Each paused container is
 * written down in a {@link PauseJournal} before the pause and struck out once it runs again, so a
 * process killed in between leaves a note for {@link PauseRecovery}. Thread-safe if the executor is.
 */
public final class HookSequence {

  private static final Logger LOG = LoggerFactory.getLogger(HookSequence.class);

  private final HookExecutor executor;
  private final PauseJournal journal;

  public HookSequence(HookExecutor executor, PauseJournal journal) {
    this.executor = executor;
    this.journal = journal;
  }

  public HookSequence(HookExecutor executor) {
    this(executor, PauseJournal.none());
  }

  /**
   * The outcome of a body between hooks. Immutable.
   *
   * @param value what the body returned, or null when it was skipped or failed
   * @param failure what the body threw, or null
   * @param ran whether the body ran (false when a pre step failed)
   * @param report every step that ran
   */
  public record Result<T>(T value, Exception failure, boolean ran, HookReport report) {}

  /**
   * Runs {@code body} between the hooks of {@code plans}. Everything the body throws is caught and
   * returned after the post hooks ran. If the thread is interrupted, the remaining post and
   * cleanup steps still run, then the interrupt is passed on as {@link InterruptedException}.
   */
  public <T> Result<T> around(List<HookPlan> plans, Callable<T> body) throws InterruptedException {
    List<HookOutcome> outcomes = new ArrayList<>();
    Map<String, HookStep.Pause> paused = new LinkedHashMap<>();
    List<HookPlan> entered = new ArrayList<>();
    InterruptedException interrupted = null;
    boolean preFailed = false;
    try {
      for (HookPlan plan : plans) {
        entered.add(plan);
        for (int i = 0; i < plan.pre().size() && !preFailed; i++) {
          HookStep step = plan.pre().get(i);
          if (step instanceof HookStep.Pause pause) {
            paused.put(pause.container(), pause); // even a timed-out pause may have frozen it
            note(pause.container(), true);
          }
          HookOutcome outcome = executor.run(plan.service(), Phase.PRE, i, step);
          outcomes.add(outcome);
          preFailed = outcome.fatal();
        }
        if (preFailed) {
          break;
        }
      }
    } catch (InterruptedException e) {
      interrupted = e;
    }
    T value = null;
    Exception failure = null;
    boolean ran = !preFailed && interrupted == null;
    if (ran) {
      try {
        value = body.call();
      } catch (InterruptedException e) {
        interrupted = e;
        failure = e;
      } catch (Exception e) {
        failure = e;
      }
    }
    List<HookPlan> undo = new ArrayList<>(entered);
    Collections.reverse(undo);
    for (HookPlan plan : undo) {
      for (int i = 0; i < plan.post().size(); i++) {
        HookOutcome outcome = runUninterrupted(plan.service(), Phase.POST, i, plan.post().get(i));
        outcomes.add(outcome);
        if (outcome.ok() && outcome.step() instanceof HookStep.Unpause unpause) {
          paused.remove(unpause.container());
          note(unpause.container(), false);
        }
      }
    }
    cleanup(plans, paused, outcomes);
    if (interrupted != null) {
      Thread.currentThread().interrupt();
      throw interrupted;
    }
    return new Result<>(value, failure, ran, new HookReport(outcomes));
  }

  private void cleanup(List<HookPlan> plans, Map<String, HookStep.Pause> paused, List<HookOutcome> outcomes) {
    List<HookStep.Pause> left = new ArrayList<>(paused.values());
    Collections.reverse(left);
    int index = 0;
    for (HookStep.Pause pause : left) {
      String service = serviceOf(plans, pause);
      HookStep unpause = new HookStep.Unpause(pause.container(), pause.timeout(), OnError.FAIL);
      HookOutcome outcome = runUninterrupted(service, Phase.CLEANUP, index++, unpause);
      outcomes.add(outcome);
      if (outcome.ok()) {
        note(pause.container(), false);
      }
    }
  }

  /**
   * Writes a container down before its pause, or strikes it out once it runs again. A journal that
   * cannot be written does not stop the hooks: the sequence still unpauses what it paused; only a
   * process killed in between would leave the container paused without a note.
   */
  private void note(String container, boolean pausing) {
    try {
      if (pausing) {
        journal.pausing(container);
      } else {
        journal.unpaused(container);
      }
    } catch (IOException e) {
      LOG.warn("hooks: cannot {} container {} in the pause journal {}: {}", pausing ? "write down" : "strike out",
          container, journal.file().map(Object::toString).orElse("-"), e.toString());
    }
  }

  private static String serviceOf(List<HookPlan> plans, HookStep.Pause pause) {
    return plans.stream().filter(p -> p.pre().contains(pause)).map(HookPlan::service).findFirst().orElse("?");
  }

  /** Post and cleanup steps run to the end even if the thread was interrupted meanwhile. */
  private HookOutcome runUninterrupted(String service, Phase phase, int index, HookStep step) {
    boolean wasInterrupted = Thread.interrupted();
    try {
      while (true) {
        try {
          return executor.run(service, phase, index, step);
        } catch (InterruptedException e) {
          wasInterrupted = true; // retry: leaving a container frozen is worse than a late stop
        }
      }
    } finally {
      if (wasInterrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
