package dev.cairn.cli.snapshot;

import dev.cairn.agent.backend.BackendFactory;
import dev.cairn.agent.backend.OpenedBackend;
import dev.cairn.agent.crypto.KdfParams;
import dev.cairn.agent.crypto.KeyRing;
import dev.cairn.agent.repository.Repository;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cairn repo init}: creates an encrypted repository with its first key. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = {"Create a new encrypted repository. The password comes from CAIRN_PASSWORD or --password-file.",
        "Exit status: 0 created, 1 failed (e.g. a repository exists there already)."})
public final class RepoInitCommand extends RepositoryCommand {

  @Mixin RepositoryOptions repository;

  @Option(names = "--pack-size-mib", defaultValue = "32", description = "Target pack file size (default: ${DEFAULT-VALUE}).")
  int packSizeMib;

  @Option(names = "--kdf-n", defaultValue = "32768", hidden = true, description = "scrypt N (tests lower it).")
  int kdfN;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Override
  int execute() throws Exception {
    byte[] password = repository.password();
    try (OpenedBackend backend = BackendFactory.create(repository.repo)) {
      Repository repo = KeyRing.initRepository(backend, password, KdfParams.scrypt(kdfN, 8, 1), packSizeMib << 20);
      String keyId = KeyRing.list(backend.backend(), null).get(0).id();
      if (json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("repository", backend.backend().location());
        result.put("id", repo.config().id());
        result.put("key", keyId);
        printJson(result);
      } else {
        out().printf("created repository %s at %s (key %s)%n", repo.config().id().substring(0, 8),
            backend.backend().location(), keyId.substring(0, 8));
        out().println("keep the password safe: without it the data cannot be read");
      }
    }
    return 0;
  }
}
