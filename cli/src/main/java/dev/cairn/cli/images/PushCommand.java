package dev.cairn.cli.images;

import dev.cairn.agent.image.ImageService;
import dev.cairn.agent.image.Source;
import dev.cairn.agent.image.oci.ImageException;
import dev.cairn.agent.image.registry.PushReport;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn images push}: pushes a cached image to a site registry. */
@Command(name = "push", mixinStandardHelpOptions = true,
    description = "Push NAME:TAG from the cache to a Docker registry (Registry API v2), uploading only blobs it lacks.")
final class PushCommand extends ImagesCommandBase {

  @Parameters(paramLabel = "NAME:TAG", description = "Cached image to push.")
  String ref;

  @Option(names = "--registry", required = true, paramLabel = "HOST:PORT", description = "Registry, e.g. 127.0.0.1:5000 (plain HTTP) or https://host.")
  String registry;

  @Override
  int run(ImageService service) throws IOException, ImageException {
    TerminalProgress progress = progress();
    PushReport report;
    try {
      report = service.push(ref, registry, Source.cli("images push"), progress);
    } finally {
      progress.finish();
    }
    if (options.json) {
      printJson(report);
      return 0;
    }
    out().printf("pushed %s as %s: %d of %d blobs already in the registry (%.0f%%), %s uploaded%n", report.image(),
        report.target(), report.blobsPresent(), report.blobs(), 100 * report.hitRate(), Sizes.format(report.bytesUploaded()));
    return 0;
  }
}
