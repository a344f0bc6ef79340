package io.branchbox.firmware.store;

import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

/**
 * The one class that touches Flyway's API: defined by {@link SchemaMigration.IsolatedLoader} (never
 * by the box's own loader), so that it and Flyway are unloaded together after the migration. Its
 * answer and its failure are types of the box's loader ({@link SchemaMigration.Outcome},
 * {@link MigrationFailedException}); other Flyway exceptions pass through as runtime exceptions.
 */
public final class FlywayRun implements Function<DataSource, SchemaMigration.Outcome> {

    /** Instantiated reflectively by {@link SchemaMigration#migrate}. */
    public FlywayRun() {}

    @Override
    public SchemaMigration.Outcome apply(DataSource dataSource) {
        try {
            MigrateResult r = Flyway.configure(FlywayRun.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    // firmware owns V1..V99 and web-admin V100+: a later firmware V2 must still
                    // apply on a box where V100 already ran
                    .outOfOrder(true)
                    .load()
                    .migrate();
            return new SchemaMigration.Outcome(r.initialSchemaVersion, r.targetSchemaVersion, r.migrationsExecuted);
        } catch (FlywayMigrateException e) {
            throw new MigrationFailedException(e.getMessage(), e);
        }
    }
}
