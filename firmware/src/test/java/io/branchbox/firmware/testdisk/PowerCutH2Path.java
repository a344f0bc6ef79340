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

    /** H2 creates instances reflectively (one per path). */
    public PowerCutH2Path() {
        // no state: the path is held by FilePathWrapper
    }

    /** Routes databases opened with {@link #SCHEME} to {@code files} from now on. */
    public static void use(PowerCutFiles files) {
        disk = files;
        FilePath.register(new PowerCutH2Path());
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        FileChannel real = getBase().open(mode);
        PowerCutFiles d = disk;
        if (d == null) {
            real.close();
            throw new IOException("no power-cut disk in use for " + getBase());
        }
        return d.wrap(Path.of(getBase().toString()), real);
    }
}
