package dev.cairn.cli.images;

import dev.cairn.agent.image.ImageService;
import dev.cairn.agent.image.RepositoryStatus;
import dev.cairn.agent.image.history.ImageVersion;
import dev.cairn.agent.image.history.RepositoryHistory;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code cairn images list}: repositories, versions, which is current, and the cache hit rate. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List cached image repositories, their versions (current marked *) and the cache hit rate.")
final class ListCommand extends ImagesCommandBase {

  @Override
  int run(ImageService service) throws IOException {
    List<RepositoryStatus> statuses = service.list();
    if (options.json) {
      printJson(statuses);
      return 0;
    }
    if (statuses.isEmpty()) {
      out().println("the cache holds no images; add some with 'cairn images import --base " + options.base + " FILE'");
      return 0;
    }
    for (RepositoryStatus status : statuses) {
      RepositoryHistory history = status.history();
      out().printf("%s  (alias %s → %s)  hit rate over %d later versions: %d/%d layers (%.0f%%)%n",
          history.repository(), history.alias() == null ? "-" : history.alias(),
          history.current() == null ? "none" : history.current(), status.hitRate().versions(),
          status.hitRate().layersFound(), status.hitRate().layersNeeded(), 100 * status.hitRate().rate());
      for (ImageVersion version : history.versions()) {
        out().printf("  %s %-20s image %s  %9s  %d layers  imported %s  %s%n",
            version.tag().equals(history.current()) ? "*" : " ", version.tag(), version.imageId().shortHex(),
            Sizes.format(version.size()), version.layers(), version.importedAt(), version.source());
      }
    }
    return 0;
  }
}
