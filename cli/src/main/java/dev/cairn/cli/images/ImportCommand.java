package dev.cairn.cli.images;

import dev.cairn.agent.image.ImageService;
import dev.cairn.agent.image.Source;
import dev.cairn.agent.image.archive.ImportReport;
import dev.cairn.agent.image.archive.ImportedImage;
import dev.cairn.agent.image.oci.ImageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import dev.cairn.agent.image.ImageResult;
import dev.cairn.agent.image.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn images import}: adds a docker-save archive, OCI archive or OCI layout to the cache. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {
      "Import a docker-save archive (plain, .gz, .zst), an OCI archive or an OCI layout directory into the cache.",
      "Every blob is verified; a damaged or unsafe archive is rejected and nothing is added."
    })
final class ImportCommand extends ImagesCommandBase {

  @Parameters(paramLabel = "FILE", description = "Archive file or OCI layout directory.")
  Path file;

  @Option(names = "--name", paramLabel = "NAME[:TAG]",
      description = "Name for images the archive does not name (an OCI layout naming only a tag); NAME:TAG replaces the archive's name.")
  String name;

  @Option(names = "--load", description = "Then load the imported images into the engine and make them current (as 'cairn images load').")
  boolean load;

  @Override
  int run(ImageService service) throws IOException, ImageException {
    TerminalProgress progress = progress();
    ImportReport report;
    List<ImageResult> loaded = List.of();
    try {
      if (load) {
        ImageService.ImportAndLoad both = service.importAndLoad(file, Optional.ofNullable(name), Source.cli("images import --load " + file), progress);
        report = both.imported();
        loaded = both.loaded();
      } else {
        report = service.importArchive(file, Optional.ofNullable(name), Source.cli("images import " + file), progress);
      }
    } finally {
      progress.finish();
    }
    if (options.json) {
      printJson(load ? java.util.Map.of("import", report, "load", loaded) : report);
      return loaded.stream().anyMatch(r -> r.outcome() == Outcome.FAILED) ? 1 : 0;
    }
    for (ImportedImage image : report.images()) {
      out().printf("imported %s  image %s  %d layers (%d already cached)  %s%n",
          String.join(", ", image.refs().stream().map(Object::toString).toList()), image.imageId().shortHex(),
          image.layers(), image.layersCached(), Sizes.format(image.size()));
    }
    int layers = report.layers();
    out().printf("cache: %d new blobs, %s added; layers found in the cache: %d of %d (%.0f%%)%n",
        report.blobsAdded(), Sizes.format(report.bytesAdded()), report.layersCached(), layers,
        layers == 0 ? 100.0 : 100.0 * report.layersCached() / layers);
    return load ? ResultPrinter.print(this, loaded) : 0;
  }
}
