/**
 * The event journal, the box's one truth: append-only segment files of JSON lines
 * ({@link io.branchbox.firmware.journal.EventJournal}, {@link io.branchbox.firmware.journal.JournalCodec}),
 * group commit, a torn last line cut at start, a high-water mark that never goes back, replay for
 * the projections ({@link io.branchbox.firmware.journal.JournalReader}).
 *
 * <p>Call events are typed: {@link io.branchbox.firmware.journal.CallEvents} has one record per
 * event type, and {@link io.branchbox.firmware.journal.CallEventCodec} alone maps them to and from
 * the on-disk form (type and attribute strings in {@link io.branchbox.firmware.journal.CallEventTypes},
 * unchanged, so old journals read). Decoding gives a {@link io.branchbox.firmware.journal.Decoded}:
 * a record, "not a call event", or a damaged event that is counted, logged and skipped, never an
 * exception. Code outside this package writes and reads records, never the strings.
 *
 * <p>Threads: {@code append} from any thread (it queues); {@code journal-writer} writes, forces and
 * then calls the listeners (projections, KPI) in order. The records and the codec are immutable and
 * stateless (the codec's damage counter is atomic): any thread.
 *
 * <p>May import: {@code io.branchbox.time}, Jackson, SLF4J, and of firmware only
 * {@code isdn.q931.Q850Cause}, the box's one cause type (a value that imports nothing). Every layer
 * journals through this package, so the enums of the records (direction, disposition, agent
 * state, ...) are the journal's own, mapped by exhaustive switches where a layer has its own.
 */
package io.branchbox.firmware.journal;
