package io.branchbox.firmware.trunk.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.isdn.q931.BChannels;
import io.branchbox.firmware.isdn.q931.BChannels.ChannelState;
import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.isdn.q931.ChannelPreference;
import io.branchbox.firmware.trunk.FakeNetwork;
import io.branchbox.firmware.trunk.LinkedSpan;
import io.branchbox.time.ManualScheduler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Technician blocks: kept in the admin, mirrored into Q.931's channel states. */
class ChannelAdminTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final LinkedSpan linked = new LinkedSpan(0, scheduler).bringUp();
    private final BChannels channels = linked.span.q931().channels();
    private final ChannelAdmin admin = new ChannelAdmin(Map.of(0, OutboundTrunk.of(linked.span)), scheduler);

    @Test
    void idleChannelIsBlockedAtOnceAndUnblockedBackToIdle() {
        admin.block(0, 12, "hum on the line");

        assertEquals(ChannelState.BLOCKED, channels.state(12));
        assertTrue(admin.isBlocked(0, 12));
        assertEquals(List.of(new ChannelAdmin.Block(0, 12, "hum on the line", scheduler.clock().instant())), admin.blocks());

        assertTrue(admin.unblock(0, 12));
        assertEquals(ChannelState.IDLE, channels.state(12));
        assertFalse(admin.isBlocked(0, 12));
        assertFalse(admin.unblock(0, 12), "nothing left to unblock");
    }

    @Test
    void busyChannelKeepsItsCallAndIsBlockedWhenFree() {
        linked.network.script(new FakeNetwork.Ring());
        linked.span.placeCall("01012345678", null, ChannelPreference.exclusive(31), (c, cause, location) -> { });
        scheduler.runPending();

        admin.block(0, 31, "swap card");
        assertEquals(ChannelState.BUSY, channels.state(31), "the call goes on");

        linked.network.disconnectAll(Q850Cause.NORMAL_CLEARING);
        scheduler.runPending();
        assertEquals(ChannelState.IDLE, channels.state(31));
        admin.enforce();
        assertEquals(ChannelState.BLOCKED, channels.state(31));
    }

    @Test
    void unknownSpanAndNonBearerTimeslotAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> admin.block(3, 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> admin.block(0, 16, "x"));
        assertThrows(IllegalArgumentException.class, () -> admin.unblock(0, 0));
        assertTrue(admin.blocks().isEmpty());
    }
}
