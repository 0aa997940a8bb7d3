package dev.cairn.agent.image.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving tests a {@link Dockerd} parameter: one private engine for the whole
 * test run (kept in the root store, stopped when the run ends), shared by every image test class.
 */
public final class DockerdExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DockerdExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Dockerd.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("dockerd", key -> {
      try {
        return Dockerd.start();
      } catch (Exception e) {
        throw new ParameterResolutionException("cannot start a private dockerd: " + e.getMessage(), e);
      }
    }, Dockerd.class);
  }
}
