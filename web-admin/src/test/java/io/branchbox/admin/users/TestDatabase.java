package io.branchbox.admin.users;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh, migrated in-memory H2 database per call, as the firmware will provide on the box. */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabase() {}

    public static DataSource migrated() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:admin" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).load().migrate();
        return ds;
    }

    /** Cheap Argon2id parameters so that tests with many logins stay fast. */
    public static PasswordHasher fastHasher() {
        return PasswordHasher.argon2id(1024, 1, 1);
    }
}
