/**
 * The H2 file database: schema migrations (Flyway, in a class loader of its own that is dropped
 * afterwards: {@code SchemaMigration}), call records projected from the journal
 * ({@code CallRecordProjector}, {@code CallRecordFold}), the screen pop's history, the kept
 * tables people entered ({@code KeptStore}, {@code KeptStoreFollower}) and the rescue of a damaged
 * database ({@code DatabaseRescue}).
 *
 * <p>Threads: projections on {@code journal-writer}; {@code kept-store} exports the kept tables;
 * queries from the web admin's and {@code console-history}'s threads. Never on {@code signalling}.
 *
 * <p>May import: {@code journal}, {@code console} (history records), {@code io.branchbox.time},
 * H2, Flyway, Jackson.
 */
package io.branchbox.firmware.store;
