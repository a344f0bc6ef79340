package io.branchbox.firmware.store;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.api.Trigger;

/**
 * An H2 trigger on every kept table ({@link KeptTables}): counts statements that changed one, so
 * {@link KeptStoreFollower} exports the kept store within seconds of a person's change without
 * the web admin's code knowing about it. Runs inside the writer's transaction: it only counts.
 * One counter for the whole JVM (several databases in tests only cause extra, harmless exports).
 */
public final class KeptTrigger implements Trigger {
    static final AtomicLong CHANGES = new AtomicLong();

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) {
        // nothing to prepare: the trigger only counts
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
        CHANGES.incrementAndGet();
    }
}
