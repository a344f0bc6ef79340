package io.branchbox.firmware.store;

/**
 * A schema migration failed part way (Flyway's {@code FlywayMigrateException}, rethrown as a type
 * of the box's own class loader because Flyway runs in an isolated one, see
 * {@link SchemaMigration}); the cause is Flyway's exception.
 */
public final class MigrationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Public for {@link FlywayRun}, which another class loader defines (another runtime package). */
    public MigrationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
