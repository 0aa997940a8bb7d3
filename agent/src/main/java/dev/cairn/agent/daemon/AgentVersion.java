package dev.cairn.agent.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of a Cairn module, from the {@code pom.properties} Maven puts into its jar
 * ({@code development} when run from classes). Not from the manifest: in the shaded jar one
 * manifest speaks for every library, and its version would be wrong for all but Cairn.
 */
public final class AgentVersion {

  private AgentVersion() {}

  public static String current() {
    return of("cairn-agent");
  }

  /** The version of the Cairn artifact {@code artifactId}, e.g. {@code cairn-controller}. */
  public static String of(String artifactId) {
    String resource = "/META-INF/maven/dev.cairn/" + artifactId + "/pom.properties";
    try (InputStream in = AgentVersion.class.getResourceAsStream(resource)) {
      if (in == null) {
        return "development";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "development");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
