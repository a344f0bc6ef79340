package io.branchbox.firmware.uplink;

/**
 * One line of the outbox journal. The journal is a sequence of these; replaying it from the start
 * rebuilds the queue, the next id and the drop counters.
 */
sealed interface OutboxRecord {

    /** A message entered the queue. */
    record Append(OutboxEntry entry) implements OutboxRecord {}

    /** The broker confirmed message {@code id} (QoS 1 PUBACK); it leaves the queue. */
    record Ack(long id) implements OutboxRecord {}

    /** Message {@code id} was sacrificed because the queue was full. */
    record Drop(long id, Priority priority) implements OutboxRecord {}

    /** Id {@code id} was used for a message that is not queued (status, birth). */
    record Reserve(long id) implements OutboxRecord {}

    /** Written first in a compacted journal: what the dropped history said before compaction. */
    record Meta(long nextId, long droppedAlarm, long droppedFigures, long droppedHealth) implements OutboxRecord {}
}
