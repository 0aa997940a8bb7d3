package dev.cairn.cli.snapshot;

import dev.cairn.agent.crypto.KdfParams;
import dev.cairn.agent.crypto.KeyInfo;
import dev.cairn.agent.crypto.KeyRing;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn repo key add|list|remove}: the key files that open a repository. */
@Command(name = "key", mixinStandardHelpOptions = true,
    description = "Manage the keys (passwords) that open a repository; no data is rewritten.",
    subcommands = {RepoKeyCommand.Add.class, RepoKeyCommand.ListKeys.class, RepoKeyCommand.Remove.class})
public final class RepoKeyCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: add, list or remove");
  }

  /** {@code cairn repo key add}. */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Add a key: the new password comes from CAIRN_NEW_PASSWORD or --new-password-file.")
  static final class Add extends RepositoryCommand {
    @Mixin RepositoryOptions repository;

    @Option(names = "--new-password-file", paramLabel = "F", description = "File holding the new password.")
    Path newPasswordFile;

    @Option(names = "--kdf-n", defaultValue = "32768", hidden = true)
    int kdfN;

    @Override
    int execute() throws Exception {
      byte[] newPassword = RepositoryOptions.password(newPasswordFile, "CAIRN_NEW_PASSWORD", "--new-password-file");
      try (RepositoryOptions.Opened opened = repository.open()) {
        String id = KeyRing.add(opened.backend().backend(), opened.key().key(), newPassword,
            KdfParams.scrypt(kdfN, 8, 1));
        out().println("added key " + id.substring(0, 8));
      }
      return 0;
    }
  }

  /** {@code cairn repo key list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys; * marks the one in use.")
  static final class ListKeys extends RepositoryCommand {
    @Mixin RepositoryOptions repository;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    int execute() throws Exception {
      try (RepositoryOptions.Opened opened = repository.open()) {
        List<KeyInfo> keys = KeyRing.list(opened.backend().backend(), opened.key().keyId());
        if (json) {
          printJson(keys);
        } else {
          out().printf("  %-8s  %-30s  %-20s  %s%n", "ID", "CREATED", "HOST", "USER");
          for (KeyInfo key : keys) {
            out().printf("%s %-8s  %-30s  %-20s  %s%n", key.current() ? "*" : " ", key.id().substring(0, 8),
                key.created(), key.host(), key.user());
          }
        }
      }
      return 0;
    }
  }

  /** {@code cairn repo key remove ID}. */
  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = "Remove a key (not the one in use, not the last one).")
  static final class Remove extends RepositoryCommand {
    @Mixin RepositoryOptions repository;

    @Parameters(paramLabel = "ID", description = "Key id or unique prefix.")
    String id;

    @Override
    int execute() throws Exception {
      try (RepositoryOptions.Opened opened = repository.open()) {
        String removed = KeyRing.remove(opened.backend().backend(), id, opened.key().keyId());
        out().println("removed key " + removed.substring(0, 8));
      }
      return 0;
    }
  }
}
