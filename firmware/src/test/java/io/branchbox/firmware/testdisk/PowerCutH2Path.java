package io.branchbox.firmware.testdisk;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's file system on a {@link PowerCutFiles} disk: a database opened with {@link #SCHEME} (see
 * {@code Database.open(Path, String)}) reads and writes {@code box.mv.db} through the layer, so
 * its unforced pages are lost at a cut like everyone else's. H2 keeps file systems in one
 * JVM-wide registry, so the disk is a static: {@link #use} it before opening the database.
 * Everything else (exists, delete, move, list) goes straight to the real file system.
 *
 * <p>Threading: {@link #use} from the test thread between runs; H2 opens files on its threads.
 */
public final class PowerCutH2Path extends FilePathWrapper {
    public static final String SCHEME = "powercut";
    private static volatile PowerCutFiles disk;
    /** Data directories of dead boxes: their H2 must not write there (its trace file) once they moved. */
    private static final java.util.Set<Path> RETIRED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** H2 creates instances reflectively (one per path). */
    public PowerCutH2Path() {
        // no state: the path is held by FilePathWrapper
    }

    /** Routes databases opened with {@link #SCHEME} to {@code files} from now on. */
    public static void use(PowerCutFiles files) {
        disk = files;
        FilePath.register(new PowerCutH2Path());
    }

    /**
     * The box that ran in {@code dataDir} is dead: its H2 may still try to write its trace file
     * there after the directory was moved, which would bring the directory back (and race a
     * temporary directory's clean-up). From now on such writes fail, as on a box without power.
     */
    public static void retire(Path dataDir) {
        RETIRED.add(dataDir.toAbsolutePath().normalize());
    }

    private void refuseIfRetired() throws IOException {
        Path p = Path.of(getBase().toString()).toAbsolutePath().normalize();
        for (Path r : RETIRED) {
            if (p.startsWith(r)) {
                throw new IOException("the box that used " + r + " has no power");
            }
        }
    }

    /**
     * Closes a database whose power was cut without writing anything ({@code SHUTDOWN
     * IMMEDIATELY}): the dead box's H2 must not linger in the JVM. A database that already
     * closed itself on the failed writes, or that fails doing so, is fine too: it is dead.
     * {@code pool} (the box's {@code Database}) is closed last, under the same rule.
     */
    public static void shutDownImmediately(javax.sql.DataSource ds, AutoCloseable pool) {
        try (pool; java.sql.Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("SHUTDOWN IMMEDIATELY");
        } catch (Exception | AssertionError expected) {
            // closed already on the failed writes; with -ea H2's own assertions may fire on a
            // store whose disk died under it, also when the pool's close rolls back its idle
            // connections (seen: "v=919 / cnt=0" in registerVersionUsage)
        }
    }

    @Override
    public java.io.OutputStream newOutputStream(boolean append) throws IOException {
        refuseIfRetired();
        return super.newOutputStream(append);
    }

    @Override
    public void createDirectory() {
        try {
            refuseIfRetired();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        super.createDirectory();
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        refuseIfRetired();
        FileChannel real = getBase().open(mode);
        PowerCutFiles d = disk;
        if (d == null) {
            real.close();
            throw new IOException("no power-cut disk in use for " + getBase());
        }
        return d.wrap(Path.of(getBase().toString()), real);
    }
}
