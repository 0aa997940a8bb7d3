package dev.cairn.agent.image.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.agent.command.Command;
import dev.cairn.agent.command.CommandContext;
import dev.cairn.agent.command.CommandException;
import dev.cairn.agent.command.Completion;
import dev.cairn.agent.command.Outcome;
import dev.cairn.agent.command.QueuedCommand;
import dev.cairn.agent.image.ImageSettings;
import dev.cairn.agent.image.Source;
import dev.cairn.agent.image.archive.TestImage;
import dev.cairn.agent.image.cache.Progress;
import dev.cairn.agent.outbox.BudgetListener;
import dev.cairn.agent.outbox.EventPublisher;
import dev.cairn.agent.outbox.Outbox;
import dev.cairn.agent.outbox.OutboxEntry;
import dev.cairn.agent.outbox.OutboxOptions;
import dev.cairn.agent.wire.Attributes;
import dev.cairn.proto.v1.AgentMessage;
import dev.cairn.proto.v1.Event;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image command handlers against a real cache and a real outbox, with the engine's socket
 * missing (the engine-side path is proven by the cli module's ImageCommandsIT with a real dockerd).
 */
class ImageHandlersTest {

  @TempDir Path dir;
  private Outbox outbox;
  private NodeImages images;

  @BeforeEach
  void open() throws Exception {
    outbox = Outbox.open(dir.resolve("outbox"), OutboxOptions.DEFAULTS, Clock.systemUTC(), BudgetListener.NONE);
    images = new NodeImages(dir.resolve("base"), ImageSettings.defaults(), "unix://" + dir.resolve("no.sock"),
        new OutboxImageEvents(new EventPublisher(outbox, Clock.systemUTC())), Clock.systemUTC());
  }

  @AfterEach
  void close() throws Exception {
    images.close();
    outbox.close();
  }

  private static CommandContext context(Command command) {
    return new CommandContext(new QueuedCommand(1, Instant.EPOCH, Optional.empty(), "", command), Clock.systemUTC(),
        null);
  }

  private List<Event> events() throws Exception {
    List<Event> events = new ArrayList<>();
    for (OutboxEntry entry : outbox.read(0, 100)) {
      AgentMessage message = AgentMessage.parseFrom(entry.payload());
      if (message.hasEvent()) {
        events.add(message.getEvent());
      }
    }
    return events;
  }

  @Test
  void import_publishesAnImageImportedEventThroughTheOutbox() throws Exception {
    TestImage image = new TestImage("test/x:1", List.of(TestImage.layer("a", "a")));
    images.service().importArchive(image.dockerSave().write(dir.resolve("x.tar")), Optional.empty(), Source.cli("t"),
        Progress.NONE);

    List<Event> events = events();

    assertThat(events).hasSize(1);
    assertThat(events.get(0).getKind()).isEqualTo("image.imported");
    assertThat(Attributes.toMap(events.get(0).getAttributesList())).containsEntry("repository", "test/x").containsEntry("tag", "1")
        .containsEntry("source", "cli:t").containsKey("imageId");
    assertThat(events.get(0).getMessage()).startsWith("test/x:1 imported: ");
  }

  @Test
  void loadImages_engineUnreachable_failsNamingTheImageAndTheEngine() throws Exception {
    TestImage image = new TestImage("test/x:1", List.of(TestImage.layer("a", "a")));
    images.service().importArchive(image.dockerSave().write(dir.resolve("x.tar")), Optional.empty(), Source.cli("t"),
        Progress.NONE);
    Command.LoadImages command = new Command.LoadImages("c1", List.of("test/x:1"));

    Completion completion = new LoadImagesHandler(images).handle(command, context(command));

    assertThat(completion.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(completion.message()).contains("test/x:1").contains("cannot reach the Docker engine");
    assertThat(events()).extracting(Event::getKind).containsExactly("image.imported");
  }

  @Test
  void loadImages_noImages_isRejectedSayingWhatToPass() {
    Command.LoadImages command = new Command.LoadImages("c2", List.of());

    assertThatThrownBy(() -> new LoadImagesHandler(images).handle(command, context(command)))
        .isInstanceOf(CommandException.class).hasMessageContaining("\"images\"");
  }

  @Test
  void rollbackImage_unknownRepository_failsSayingNothingIsRecorded() throws Exception {
    Command.RollbackImage command = new Command.RollbackImage("c3", "test/none", "");

    Completion completion = new RollbackImageHandler(images).handle(command, context(command));

    assertThat(completion.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(completion.message()).contains("no versions of test/none are recorded");
  }
}
