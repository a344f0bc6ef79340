package io.branchbox.firmware.store;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Runs the schema migrations with Flyway loaded in a class loader of its own, dropped when they
 * are done, so that Flyway's classes (and the Jackson 3 it brings), about 1,000 classes and
 * several MB of class metadata, are unloaded by the next GC cycle instead of staying in the box's
 * memory for its whole life: the migrations run once, at start (docs/BENCHMARKS.md, issue 20).
 *
 * <p>{@link IsolatedLoader} defines {@code org.flywaydb.*}, {@code tools.jackson.*} and
 * {@link FlywayRun} itself from the same class files (read through the box's own class loader,
 * so it works from the shaded jar and from a test's class path alike); everything else, including
 * H2's driver, {@link DataSource}, {@link Outcome} and {@link MigrationFailedException}, comes from
 * the box's loader, so only JDK types and those two cross the boundary.
 *
 * <p>Threading: one call at a time per data source. Flyway gets the isolated loader explicitly;
 * the thread's context class loader is left alone on purpose: a thread started during the
 * migration (H2's background writer starts with the first connection) would inherit it and keep
 * Flyway's classes alive for the life of the database ({@code SchemaMigrationTest} watches that).
 */
public final class SchemaMigration {
    private SchemaMigration() {}

    /**
     * What one migration run found and did; {@code initialVersion} is null on an empty database.
     * Public, as is this class: {@link FlywayRun} is in the same package name but, defined by
     * another loader, not in the same runtime package.
     */
    public record Outcome(String initialVersion, String targetVersion, int executed) {}

    /** Migrates {@code dataSource}; a failed migration throws {@link MigrationFailedException}. */
    static Outcome migrate(DataSource dataSource) {
        return migrate(dataSource, new IsolatedLoader(SchemaMigration.class.getClassLoader()));
    }

    /** As {@link #migrate(DataSource)} with Flyway in {@code isolated} (a test watches it go). */
    static Outcome migrate(DataSource dataSource, IsolatedLoader isolated) {
        // open the database first, with none of the isolated classes on the stack: the threads H2
        // starts with it (the store's background writer) would otherwise capture them (on JDK 21 a
        // new thread keeps its creator's access-control context, whose protection domains hold the
        // loader) and keep Flyway loaded for the life of the database
        try (Connection c = dataSource.getConnection()) {
            c.isValid(0);
        } catch (SQLException e) {
            throw new IllegalStateException("the database could not be opened: " + e.getMessage(), e);
        }
        try {
            @SuppressWarnings("unchecked")
            Function<DataSource, Outcome> run = (Function<DataSource, Outcome>) isolated
                    .loadClass(FlywayRun.class.getName()).getDeclaredConstructor().newInstance();
            return run.apply(dataSource);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the schema migration could not be loaded", e);
        }
    }

    /** Child-first for Flyway, Jackson 3 and {@link FlywayRun}; parent-first for the rest. */
    static final class IsolatedLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        IsolatedLoader(ClassLoader parent) {
            super("schema-migration", parent);
        }

        static boolean isolated(String name) {
            return name.startsWith("org.flywaydb.") || name.startsWith("tools.jackson.")
                    || name.equals(FlywayRun.class.getName()) || name.startsWith(FlywayRun.class.getName() + "$");
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!isolated(name)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        /** Whether this loader defined {@code name} (and the box's loader did not). */
        boolean defined(String name) {
            return findLoadedClass(name) != null;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
