/**
 * Commands: what the controller asks a node to do, and the one {@link
 * dev.cairn.agent.command.CommandService} every transport hands them to.
 *
 * <p>Terms: a {@link dev.cairn.agent.command.Command} is a sealed family of records, one per kind,
 * each with its idempotency id; a {@link dev.cairn.agent.command.QueuedCommand} adds the delivery
 * envelope (seq, expiry); a {@link dev.cairn.agent.command.CommandHandler} runs one kind and is
 * found through the {@link dev.cairn.agent.command.CommandRegistry}; a {@link
 * dev.cairn.agent.command.CommandResult} (outcome OK, CHANGED, FAILED or SKIPPED) goes to the
 * outbox. The <em>inbox</em> (journal) makes acceptance durable and a command id applied at most
 * once. Depends on {@code outbox}, {@code state} and the proto contract; never on {@code link},
 * so sneakernet bundles can use the same service.
 */
package dev.cairn.agent.command;
