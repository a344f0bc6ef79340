package io.branchbox.admin.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Accounts of the single-role release keep every right they had once roles become sets. */
class UserRolesMigrationTest {

    @Test
    void existingUsersKeepTheirRights() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:roles-migration;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).target(MigrationVersion.fromVersion("100")).load().migrate();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String[] row : new String[][] {{"tech", "TECHNICIAN"}, {"sup", "SUPERVISOR"}, {"ag", "AGENT"}, {"view", "VIEWER"}}) {
                st.executeUpdate("INSERT INTO admin_users (username, password_hash, role, created_at) VALUES ('"
                        + row[0] + "', 'x', '" + row[1] + "', CURRENT_TIMESTAMP)");
            }
        }
        Flyway.configure().dataSource(ds).load().migrate();
        UserStore store = new UserStore(ds, TestDatabase.fastHasher(), Clock.systemUTC());

        assertEquals(EnumSet.allOf(Permission.class), store.find("tech").orElseThrow().permissions(),
                "a technician could do everything before");
        assertEquals(Set.of(Role.SUPERVISOR), store.find("sup").orElseThrow().roles());
        assertEquals(Set.of(Role.AGENT), store.find("ag").orElseThrow().roles());
        assertEquals(Set.of(Permission.STATUS_VIEW), store.find("view").orElseThrow().permissions());
    }
}
