package dev.cairn.agent.hook;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import dev.cairn.agent.image.engine.DockerEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Container hooks on the node's Docker engine, through the docker-java client of {@link
 * DockerEngine}. An exec that outlives its timeout is killed by its host pid (the agent runs on
 * the engine's host) and reported as timed out. Thread-safe.
 */
public final class DockerContainerRuntime implements ContainerRuntime {

  private final DockerEngine engine;
  private final DockerClient client;

  public DockerContainerRuntime(DockerEngine engine) {
    this.engine = engine;
    this.client = engine.client();
  }

  @Override
  public ProcessEnd exec(String container, List<String> argv, Map<String, String> env, Duration timeout,
      OutputStream output) throws ContainerException, InterruptedException {
    String execId;
    try {
      ExecCreateCmdResponse created = client.execCreateCmd(container).withCmd(argv.toArray(String[]::new))
          .withEnv(env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
          .withAttachStdout(true).withAttachStderr(true).exec();
      execId = created.getId();
    } catch (RuntimeException e) {
      throw failure("creating an exec in container " + container, e);
    }
    ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
      @Override
      public void onNext(Frame frame) {
        try {
          output.write(frame.getPayload());
        } catch (IOException ignored) {
          // a bounded buffer does not fail
        }
      }
    };
    try {
      client.execStartCmd(execId).exec(callback);
      boolean completed;
      try {
        completed = callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        killExec(execId); // the agent is stopping: the step must not run on in the container
        throw e;
      }
      if (!completed) {
        killExec(execId);
        return ProcessEnd.timeout();
      }
      Long exit = client.inspectExecCmd(execId).exec().getExitCodeLong();
      return ProcessEnd.exited(exit == null ? -1 : exit.intValue());
    } catch (RuntimeException e) {
      throw failure("running " + argv.get(0) + " in container " + container, e);
    } finally {
      try {
        callback.close();
      } catch (IOException ignored) {
        // the stream is already finished or abandoned
      }
    }
  }

  private void killExec(String execId) {
    try {
      InspectExecResponse exec = client.inspectExecCmd(execId).exec();
      Long pid = exec.getPidLong();
      if (pid != null && pid > 0) {
        ProcessHandle.of(pid).ifPresent(process -> {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
        });
      }
    } catch (RuntimeException ignored) {
      // best effort: the step is reported as timed out either way
    }
  }

  @Override
  public void pause(String container) throws ContainerException {
    try {
      client.pauseContainerCmd(container).exec();
    } catch (RuntimeException e) {
      throw failure("pausing container " + container, e);
    }
  }

  @Override
  public boolean unpause(String container) throws ContainerException {
    if (!paused(container)) {
      return false;
    }
    try {
      client.unpauseContainerCmd(container).exec();
      return true;
    } catch (RuntimeException e) {
      throw failure("unpausing container " + container, e);
    }
  }

  @Override
  public boolean paused(String container) throws ContainerException {
    try {
      InspectContainerResponse inspected = client.inspectContainerCmd(container).exec();
      return Boolean.TRUE.equals(inspected.getState().getPaused());
    } catch (RuntimeException e) {
      throw failure("inspecting container " + container, e);
    }
  }

  private ContainerException failure(String what, RuntimeException e) {
    if (e instanceof NotFoundException) {
      return new ContainerException(what + ": no such container on the engine at " + engine.host()
          + " (check the container name in cairn_hooks and that it is running)", e, true);
    }
    if (e instanceof DockerException docker) {
      return new ContainerException(what + ": the engine at " + engine.host() + " answered " + docker.getHttpStatus()
          + ": " + firstLine(docker.getMessage()), e);
    }
    return new ContainerException(what + ": cannot reach the engine at " + engine.host() + ": " + e.getMessage()
        + " (is dockerd running?)", e);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).trim();
  }
}
