/**
 * The event journal, the box's one truth: append-only segment files of JSON lines
 * ({@link io.branchbox.firmware.journal.EventJournal}, {@link io.branchbox.firmware.journal.JournalCodec}),
 * group commit, a torn last line cut at start, a high-water mark that never goes back, replay for
 * the projections ({@link io.branchbox.firmware.journal.JournalReader}), and the vocabulary of call
 * events ({@link io.branchbox.firmware.journal.CallEventTypes}).
 *
 * <p>Threads: {@code append} from any thread (it queues); {@code journal-writer} writes, forces and
 * then calls the listeners (projections, KPI) in order.
 *
 * <p>May import: {@code io.branchbox.time}, Jackson, SLF4J. Nothing else of firmware: every layer
 * journals through it.
 */
package io.branchbox.firmware.journal;
