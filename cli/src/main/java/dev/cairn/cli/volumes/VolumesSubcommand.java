package dev.cairn.cli.volumes;

import dev.cairn.agent.layout.Catalogue;
import dev.cairn.agent.layout.CatalogueException;
import dev.cairn.agent.layout.CatalogueFile;
import dev.cairn.agent.layout.CatalogueReader;
import dev.cairn.inventory.desired.DesiredStateCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What both {@code cairn volumes} subcommands share: {@code --base}, {@code --catalogue}, {@code
 * --json}, reading the catalogue (the seed's default without {@code --catalogue}) and turning
 * expected failures into one line on stderr with exit status {@value #REFUSED}.
 */
abstract class VolumesSubcommand implements Callable<Integer> {

  /** Exit status: the catalogue was refused or could not be read; nothing was done. */
  static final int REFUSED = 3;

  @Spec CommandSpec spec;

  @Option(names = "--base", required = true, paramLabel = "DIR",
      description = "Base directory of the layout (the seed's is /opt/ai-q).")
  Path base;

  @Option(names = "--catalogue", paramLabel = "FILE",
      description = "Catalogue file: cairn_* variables or a desired-state document, YAML or JSON"
          + " (default: the seed's catalogue of seven services).")
  Path catalogueFile;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public final Integer call() {
    Catalogue catalogue;
    try {
      catalogue = catalogueFile == null ? CatalogueReader.defaults(base.toAbsolutePath().normalize())
          : CatalogueFile.read(catalogueFile, base);
    } catch (CatalogueException e) {
      return fail(e.getMessage());
    } catch (NoSuchFileException e) {
      return fail("catalogue file " + e.getFile() + " does not exist");
    } catch (IOException e) {
      return fail("cannot read the catalogue file " + catalogueFile + ": " + e.getMessage());
    }
    try {
      return run(catalogue);
    } catch (IOException e) {
      return fail(e.getMessage());
    }
  }

  /** Does the command's work on a valid catalogue; returns the exit status. */
  abstract int run(Catalogue catalogue) throws IOException;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  int fail(String message) {
    spec.commandLine().getErr().println("cairn volumes " + spec.name() + ": " + message);
    spec.commandLine().getErr().flush();
    return REFUSED;
  }

  void printJson(Object value) {
    out().println(DesiredStateCodec.writeJson(value));
  }
}
