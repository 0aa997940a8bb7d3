package dev.cairn.cli.images;

import dev.cairn.agent.image.ImageResult;
import dev.cairn.agent.image.ImageService;
import dev.cairn.agent.image.Outcome;
import dev.cairn.agent.image.Source;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cairn images load}: loads cached images into the engine and makes them current. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Load NAME:TAG from the cache into the Docker engine and point the alias tag (default 'current') at it.")
final class LoadCommand extends ImagesCommandBase {

  @Parameters(paramLabel = "NAME:TAG", arity = "1..*", description = "Cached images to load.")
  List<String> refs;

  @Override
  int run(ImageService service) throws IOException {
    TerminalProgress progress = progress();
    List<ImageResult> results;
    try {
      results = service.load(refs, Source.cli("images load"), progress);
    } finally {
      progress.finish();
    }
    return ResultPrinter.print(this, results);
  }
}
