package dev.cairn.cli.fleet;

import java.net.URI;
import picocli.CommandLine.Option;

/** Options every {@code cairn fleet} command takes: where the controller is, the token, --json. */
public final class FleetOptions {
  @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:CAIRN_URL:-http://127.0.0.1:8080}",
      description = "Controller REST URL (env CAIRN_URL; default ${DEFAULT-VALUE}).")
  String url;

  @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:CAIRN_TOKEN}",
      description = "API token (env CAIRN_TOKEN).")
  String token;

  @Option(names = "--json", description = "Print the controller's JSON instead of a table.")
  boolean json;

  FleetClient client() throws FleetException {
    if (token == null || token.isBlank()) {
      throw new FleetException("No API token: set CAIRN_TOKEN or pass --token "
          + "(the first admin token is in the controller's <dataDir>/admin.token)");
    }
    return new FleetClient(URI.create(url), token.trim());
  }
}
