package io.branchbox.rig.isdn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When the box clears a call, call control hears the cause the box gave, also when the network's
 * RELEASE carries none (Q.931 makes the cause optional in a RELEASE answering a DISCONNECT, and
 * the carrier simulator, like many exchanges, leaves it out).
 */
class BoxClearingCauseTest {

    @Test
    void callControlHearsTheCauseTheBoxClearedWith() {
        SpanOnWire wire = new SpanOnWire(new ManualScheduler(), 1, 256);
        List<Integer> causes = new ArrayList<>();
        wire.callControl(wire.incoming::add, (call, cause) -> causes.add(cause));
        wire.bringUp();
        wire.network.offerCall("13800138000", "95598", 1);
        wire.settle(Duration.ofMillis(100));
        wire.incoming.get(0).answer();
        wire.settle(Duration.ofMillis(100));

        wire.incoming.get(0).hangup(Q850Cause.TEMPORARY_FAILURE);
        wire.settle(Duration.ofMillis(100));

        assertEquals(List.of(Q850Cause.TEMPORARY_FAILURE.value()), causes);
    }
}
