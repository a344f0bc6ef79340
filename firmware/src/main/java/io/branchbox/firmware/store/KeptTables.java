package io.branchbox.firmware.store;

import java.util.List;

/**
 * What a person entered that lives only in the database and cannot be rebuilt from the journal
 * or the recordings, so {@link KeptStore} keeps a copy of it beside the database. One owner for
 * the list: a module that adds such a table (QA results, work orders) adds a row here.
 *
 * <p>Not in the list on purpose: call records and the recording catalogue's file columns (the
 * journal rebuilds them) and recordings' verification state (the checksum sweep recomputes it,
 * oldest-unverified first, after a rebuild).
 */
public final class KeptTables {
    private KeptTables() {}

    /**
     * One kept table.
     *
     * @param table   table name
     * @param key     the key column(s) a restore matches rows on
     * @param where   which rows are kept (SQL condition, {@code TRUE} for all)
     * @param columns the columns kept, or empty for all
     * @param insert  true: rows are inserted (MERGE) on restore; false: rows already rebuilt from
     *                the journal are updated with the kept columns
     */
    public record Table(String table, List<String> key, String where, List<String> columns, boolean insert) {}

    /** Web users (web-admin V100), legal holds and deletions, and the access log of recordings. */
    public static final List<Table> ALL = List.of(
            new Table("admin_users", List.of("username"), "TRUE", List.of(), true),
            new Table("recording", List.of("call_id"), "legal_hold OR deleted_at IS NOT NULL",
                    List.of("call_id", "legal_hold", "deleted_at", "deleted_reason"), false),
            new Table("recording_access", List.of("id"), "TRUE", List.of(), true));
}
