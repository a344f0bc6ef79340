package io.branchbox.rig.faults;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A real small file system for disk-full tests: a tmpfs of a few MiB mounted over a test
 * directory. Needs root (CI runs as root on a fresh Debian machine); elsewhere the test is skipped
 * with the reason, never faked.
 */
final class TmpfsDisk {
    private TmpfsDisk() {}

    static void assumeRoot() throws IOException, InterruptedException {
        String uid = run("id", "-u").trim();
        assumeTrue("0".equals(uid), "needs root to mount a small tmpfs (uid is " + uid + "); CI runs as root");
    }

    static void mount(Path dir, long bytes) throws IOException, InterruptedException {
        String out = run("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", dir.toString());
        assumeTrue(isMounted(dir), "could not mount a tmpfs at " + dir + ": " + out);
    }

    static void unmount(Path dir) throws IOException, InterruptedException {
        run("umount", "-l", dir.toString());
    }

    private static boolean isMounted(Path dir) throws IOException, InterruptedException {
        return run("findmnt", "-n", dir.toString()).contains("tmpfs");
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
