package dev.cairn.cli.images;

import dev.cairn.agent.image.ImageService;
import dev.cairn.agent.image.Source;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn images rollback}: moves the alias back to the previous or a named version. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = "Point NAME's alias tag at the version before the current one (or at --to TAG), re-loading it from the cache if needed.")
final class RollbackCommand extends ImagesCommandBase {

  @Parameters(paramLabel = "NAME", description = "Image repository, e.g. app or registry.local/app.")
  String name;

  @Option(names = "--to", paramLabel = "TAG", description = "Version to roll back to (default: the one before the current).")
  String to;

  @Override
  int run(ImageService service) throws IOException {
    TerminalProgress progress = progress();
    try {
      return ResultPrinter.print(this,
          List.of(service.rollback(name, Optional.ofNullable(to), Source.cli("images rollback"), progress)));
    } finally {
      progress.finish();
    }
  }
}
