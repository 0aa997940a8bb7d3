package dev.cairn.agent.desired;

import com.google.protobuf.util.Timestamps;
import dev.cairn.agent.state.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Files in {@code <stateDir>/desired}: {@code received.pb} (the newest {@code cairn.v1.DesiredState}
 * received, protobuf) and {@code applied} (the version applied last, text). Each replaced
 * atomically. Thread-safe.
 */
final class DesiredStateStore {

  private final Path dir;

  DesiredStateStore(Path dir) {
    this.dir = dir;
  }

  synchronized Optional<DesiredState> received() throws IOException {
    try {
      dev.cairn.proto.v1.DesiredState wire = dev.cairn.proto.v1.DesiredState.parseFrom(
          Files.readAllBytes(dir.resolve("received.pb")));
      return Optional.of(fromWire(wire));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  synchronized void saveReceived(dev.cairn.proto.v1.DesiredState wire) throws IOException {
    AtomicFile.write(dir.resolve("received.pb"), wire.toByteArray());
  }

  synchronized long applied() throws IOException {
    try {
      String text = Files.readString(dir.resolve("applied"), StandardCharsets.UTF_8).trim();
      return Long.parseLong(text);
    } catch (NoSuchFileException e) {
      return 0;
    } catch (NumberFormatException e) {
      throw new IOException(dir.resolve("applied") + " is damaged; delete it and the desired state is applied again");
    }
  }

  synchronized void saveApplied(long version) throws IOException {
    AtomicFile.write(dir.resolve("applied"), (version + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static DesiredState fromWire(dev.cairn.proto.v1.DesiredState wire) {
    Instant updated = wire.hasUpdated() ? Instant.ofEpochMilli(Timestamps.toMillis(wire.getUpdated())) : Instant.EPOCH;
    return new DesiredState(wire.getVersion(), wire.getSpec(), updated);
  }
}
