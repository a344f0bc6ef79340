package io.branchbox.firmware.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.drivers.cb1.link.LinkCounters;
import io.branchbox.firmware.uplink.Alarm;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue 13, problem 5: link quality is an alarm with thresholds, raised and cleared per minute. */
@Tag("faults")
class LinkQualityTest {
    private static final long MIN = 60_000_000_000L;

    @Test
    void aNoisyMinuteRaisesAndACleanOneClears() {
        BoxFaults faults = new BoxFaults();
        LinkQuality q = new LinkQuality(LinkQuality.Thresholds.defaults(), faults);
        q.update(counters(0, 0, 0), 0);
        q.update(counters(120, 6, 3), MIN / 2);
        assertFalse(faults.isRaised(LinkQuality.CODE), "judged once a minute");
        q.update(counters(120, 6, 3), MIN);
        assertTrue(faults.isRaised(LinkQuality.CODE), "5 % PONG loss");
        assertEquals(Alarm.Severity.WARNING, faults.active().get(0).severity());

        q.update(counters(240, 40, 3), 2 * MIN);
        assertEquals(Alarm.Severity.MAJOR, faults.active().get(0).severity(), "28 % PONG loss");

        q.update(counters(360, 40, 3), 3 * MIN);
        assertFalse(faults.isRaised(LinkQuality.CODE));
    }

    private static LinkCounters counters(long pings, long lost, long badFcs) {
        return new LinkCounters(0, 0, badFcs, 0, 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty(), pings, lost, 0);
    }
}
