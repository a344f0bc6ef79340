package io.branchbox.rig.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The box-process bench's own arithmetic: the in-process histogram, the GC log, the options it reads. */
class BoxProcessFiguresTest {

    @Test
    void theHistogramAgreesWithTheExactPercentilesWithinItsBucket() {
        LatencyHistogram h = new LatencyHistogram();
        SplittableRandom r = new SplittableRandom(7);
        long[] samples = new long[50_000];
        for (int i = 0; i < samples.length; i++) {
            // mostly a quarter of a millisecond, a tail up to 60 ms
            samples[i] = r.nextInt(100) == 0 ? r.nextLong(60_000_000L) : 200_000 + r.nextLong(100_000);
            h.record(samples[i]);
        }
        Percentiles.Summary exact = Percentiles.summarize(samples, samples.length);
        Percentiles.Summary approx = h.summary();
        assertEquals(exact.count(), approx.count());
        assertEquals(exact.p50Ms(), approx.p50Ms(), 0.001, "1 µs buckets below 10 ms");
        assertEquals(exact.p99Ms(), approx.p99Ms(), exact.p99Ms() < 10 ? 0.001 : 0.1);
        assertEquals(exact.p999Ms(), approx.p999Ms(), 0.1, "100 µs buckets above 10 ms");
        assertEquals(exact.maxMs(), approx.maxMs(), 1e-9, "the maximum is exact");
    }

    @Test
    void anEmptyHistogramSaysZero() {
        assertEquals(0, new LatencyHistogram().summary().p99Ms());
    }

    @Test
    void gcPausesAreSplitAtTheWindowsStart(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("gc.log");
        Files.writeString(log, String.join("\n",
                "[9.093s][info][gc] GC(10) Pause Degenerated GC (Outside of Cycle) 40M->35M(64M) 172.224ms",
                "[26.035s][info][gc] GC(28) Concurrent cleanup (unload classes) 44M->44M(64M) 0.006ms",
                "[30.100s][info][gc] GC(29) Pause Init Mark (unload classes) 0.045ms",
                "[31.200s][info][gc] GC(29) Pause Final Mark (unload classes) 1.600ms", ""));
        double[] p = BoxProcessBench.gcPauses(log, 30.0);
        assertEquals(172.224, p[0], 1e-9, "longest of the run");
        assertEquals(1.6, p[1], 1e-9, "longest in the window");
        assertEquals(2, p[2], "pauses in the window; concurrent phases are not pauses");
    }

    @Test
    void benchMainsRunWithoutTheBoxsClassDataSharingLines(@TempDir Path dir) throws Exception {
        Path options = dir.resolve("jvm.options");
        Files.writeString(options, String.join("\n", "# comment", "-Xmx80m", "", "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=@CACHE_DIR@/box-cds.jsa", "-XX:+UseShenandoahGC", ""));
        List<String> read = BenchAll.JvmOptions.read(options);
        assertEquals(List.of("-Xmx80m", "-XX:+UseShenandoahGC"), read);
        assertFalse(read.stream().anyMatch(o -> o.contains("@")));
    }

    @Test
    void theShippedOptionsFileParses() throws Exception {
        Path shipped = Path.of("../web-admin/src/dist/jvm.options");
        List<String> read = BenchAll.JvmOptions.read(shipped);
        assertTrue(read.stream().anyMatch(o -> o.startsWith("-Xmx")), "a bounded heap: " + read);
        assertTrue(read.contains("-XX:+ExitOnOutOfMemoryError"), read.toString());
        assertTrue(read.stream().allMatch(o -> o.startsWith("-")), "environment lines are not JVM options: " + read);
        assertEquals("2", BenchAll.JvmOptions.environment(shipped).get("MALLOC_ARENA_MAX"), "glibc's arenas capped");
    }

    @Test
    void environmentLinesAreSeparatedAndTheCacheDirectoryFilledIn(@TempDir Path dir) throws Exception {
        Path options = dir.resolve("jvm.options");
        Files.writeString(options, String.join("\n", "-Xmx80m", "MALLOC_ARENA_MAX=2 ", "# X=1",
                "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=@CACHE_DIR@/box-cds.jsa", "-Dbox.x=A=B", ""));
        assertEquals(java.util.Map.of("MALLOC_ARENA_MAX", "2"), BenchAll.JvmOptions.environment(options));
        assertEquals(List.of("-Xmx80m", "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + dir + "/box-cds.jsa",
                "-Dbox.x=A=B"), BenchAll.JvmOptions.read(options, dir));
    }

    @Test
    void classDirectoriesAreReplacedByTheirModulesJarForClassDataSharing(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("test-rig/target/classes"));
        Path jar = Files.createFile(dir.resolve("test-rig/target/test-rig-0.1.0-SNAPSHOT.jar"));
        Files.createFile(dir.resolve("test-rig/target/test-rig-0.1.0-SNAPSHOT-sources.jar"));
        Files.createFile(dir.resolve("test-rig/target/test-rig-0.1.0-SNAPSHOT-shaded.jar"));
        Files.createFile(dir.resolve("test-rig/target/original-test-rig-0.1.0-SNAPSHOT.jar"));
        Path other = dir.resolve("lib/h2-2.3.232.jar");
        String sep = java.io.File.pathSeparator;
        assertEquals(jar + sep + other, BoxProcessBench.jarsOnly(classes + sep + other));
    }
}
