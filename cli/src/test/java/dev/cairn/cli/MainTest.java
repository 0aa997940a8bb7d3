package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command tree {@code bin/cairn} builds for one run. */
class MainTest {

  @TempDir Path tmp;

  @Test
  void commandLineFor_subcommandName_buildsThatSubcommandAlone() {
    CommandLine cli = Main.commandLineFor(new String[] {"snapshot", "--help"});

    assertThat(cli.getSubcommands()).containsOnlyKeys("snapshot");
    assertThat(cli.getSubcommands().get("snapshot").getCommandSpec().qualifiedName()).isEqualTo("cairn snapshot");
  }

  @Test
  void subcommand_everyNameAndAliasOfTheWholeTree_findsTheClassTheWholeTreeRuns() {
    java.util.Map<String, CommandLine> tree = Main.newCommandLine().getSubcommands();

    assertThat(tree).hasSizeGreaterThan(10);
    tree.forEach((name, command) ->
        assertThat(Main.subcommand(name)).as(name).isEqualTo(command.getCommandSpec().userObject().getClass()));
    assertThat(Main.subcommand("snapshotz")).isNull();
  }

  @Test
  void conventionalName_camelCaseCommandClass_isKebabCase() {
    assertThat(Main.conventionalName(dev.cairn.cli.snapshot.RestoreTestCommand.class)).isEqualTo("restore-test");
    assertThat(Main.conventionalName(dev.cairn.cli.images.ImagesCommand.class)).isEqualTo("images");
  }

  @Test
  void commandLineFor_optionOrUnknownWord_buildsWholeTree() {
    assertThat(Main.commandLineFor(new String[] {"--help"}).getSubcommands())
        .containsKeys("controller", "agent", "snapshot", "restore", "images");
    assertThat(Main.commandLineFor(new String[] {"snapshotz"}).getSubcommands()).containsKeys("snapshot", "controller");
    assertThat(Main.commandLineFor(new String[0]).getSubcommands()).containsKeys("snapshot", "controller");
  }

  @Test
  void commandLineFor_subcommandHelp_printsTheSameUsageAsTheWholeTree() {
    assertThat(run(Main.commandLineFor(new String[] {"restore"}), "restore", "--help"))
        .isEqualTo(run(Main.newCommandLine(), "restore", "--help"))
        .startsWith("Usage: cairn restore");
  }

  @Test
  void commandLineFor_nestedSubcommand_runsAndReportsFailureAsTheCommand() throws Exception {
    Path password = Files.writeString(tmp.resolve("pw"), "pw\n");
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLineFor(new String[] {"snapshots"});
    cli.setErr(new PrintWriter(err, true));

    int status = cli.execute("snapshots", "--repo", tmp.resolve("none").toString(), "--password-file", password.toString());

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).startsWith("cairn snapshots: ").contains("no repository");
  }

  private static String run(CommandLine cli, String... args) {
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute(args)).isZero();
    return out.toString();
  }
}
