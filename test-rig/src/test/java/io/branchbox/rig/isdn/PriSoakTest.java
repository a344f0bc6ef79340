package io.branchbox.rig.isdn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Random traffic through the box's PriSpan and the carrier simulator over a lossy D-channel with
 * wire cuts and glare, in virtual time (see {@link PriSoak}); at the end nothing may be left over
 * and every call must have ended exactly once. The short run is part of every build; the long one
 * runs with {@code ./box soak}.
 */
class PriSoakTest {

    @Test
    void threeHundredCalls() throws Exception {
        SoakResult r = SoakChecks.run("pri-300", SoakSettings.standard(300, 300));
        SoakChecks.assertClean(r);
        assertTrue(r.cuts() > 0, "the wire was cut at least once\n" + r.summary());
        assertTrue(r.glaresArmed() > 0, "glare happened at least once\n" + r.summary());
    }

    @Test
    @Tag("soak")
    void tenThousandCalls() throws Exception {
        SoakResult r = SoakChecks.run("pri-10000", SoakSettings.standard(10_000, 10_000));
        SoakChecks.assertClean(r);
        assertTrue(r.cuts() >= 50, "layer 2 was cut often\n" + r.summary());
        assertTrue(r.glaresArmed() >= 100, "glare happened often\n" + r.summary());
    }
}
