package io.branchbox.rig.isdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.rig.carrier.CarrierListener;
import io.branchbox.rig.carrier.OfferedCall;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The carrier simulator keeps offering calls past 32767, the largest PRI call reference, as a
 * real exchange does for ever: load runs and long soaks go far beyond it.
 */
class CarrierCallReferenceTest {
    private static final int CALLS = 33_000;

    @Test
    void callReferencesWrapAfter32767() {
        ManualScheduler scheduler = new ManualScheduler();
        SpanOnWire wire = new SpanOnWire(scheduler, 7, 64);
        wire.callControl(call -> call.hangup(Q850Cause.USER_BUSY), (call, cause) -> { });
        AtomicInteger cleared = new AtomicInteger();
        int[] highest = {0};
        wire.network.addListener(new CarrierListener() {
            @Override
            public void onCleared(OfferedCall call, int cause) {
                cleared.incrementAndGet();
                highest[0] = Math.max(highest[0], call.callReference());
            }
        });
        wire.bringUp();

        for (int i = 0; i < CALLS; i++) {
            wire.network.offerCall("13800138000", "95598", 1);
            wire.settle(Duration.ofMillis(20));
        }

        assertEquals(CALLS, cleared.get(), "every call was offered and cleared");
        assertEquals(0x7FFF, highest[0], "references went up to the 15-bit limit and wrapped");
        assertTrue(wire.network.calls().isEmpty() && wire.span.calls().isEmpty());
    }
}
