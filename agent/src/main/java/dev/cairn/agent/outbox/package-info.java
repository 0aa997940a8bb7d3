/**
 * The outbox: the agent's durable queue of everything it tells the controller — health reports,
 * command results, events and desired-state reports — kept until the controller acknowledges it.
 *
 * <p>Terms: an <em>entry</em> ({@link dev.cairn.agent.outbox.OutboxEntry}) is one serialised
 * {@code AgentMessage} with its <em>seq</em> (strictly increasing, never reused); a
 * <em>segment</em> is one file of entries; <em>acknowledged</em> is the controller's cumulative
 * high-water mark; the <em>budget</em> is the disk space the outbox may use before old health
 * samples are compacted (results and events never are). Producers: {@code command}, {@code
 * health}, {@code desired}, {@code daemon}; consumer: {@code link}. Depends on {@code state} and
 * the proto contract only.
 */
package dev.cairn.agent.outbox;
