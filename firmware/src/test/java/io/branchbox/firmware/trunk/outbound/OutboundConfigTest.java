package io.branchbox.firmware.trunk.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.branchbox.firmware.trunk.outbound.OutboundConfig.ChannelMode;
import io.branchbox.firmware.trunk.outbound.OutboundConfig.ChannelOrder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configuration that cannot work is refused when it is built. */
class OutboundConfigTest {

    @Test
    void defaultsHuntHighestFirstWithPreferredChannels() {
        OutboundConfig c = OutboundConfig.defaults(List.of(0, 1));
        assertEquals(ChannelOrder.HIGHEST_FIRST, c.channelOrder());
        assertEquals(ChannelMode.PREFERRED, c.channelMode());
        assertEquals(4, c.maxAttempts());
        assertEquals(2, c.maxAttemptsPerSpan());
        assertEquals(Duration.ofSeconds(60), c.deadline());
    }

    @Test
    void badValuesAreRefused() {
        Duration d = Duration.ofSeconds(60);
        assertThrows(IllegalArgumentException.class, () -> new OutboundConfig(List.of(), ChannelOrder.LOWEST_FIRST, ChannelMode.PREFERRED, 4, 2, d));
        assertThrows(IllegalArgumentException.class, () -> new OutboundConfig(List.of(0, 0), ChannelOrder.LOWEST_FIRST, ChannelMode.PREFERRED, 4, 2, d));
        assertThrows(IllegalArgumentException.class, () -> new OutboundConfig(List.of(0), ChannelOrder.LOWEST_FIRST, ChannelMode.PREFERRED, 0, 2, d));
        assertThrows(IllegalArgumentException.class, () -> new OutboundConfig(List.of(0), ChannelOrder.LOWEST_FIRST, ChannelMode.PREFERRED, 4, 0, d));
        assertThrows(IllegalArgumentException.class, () -> new OutboundConfig(List.of(0), ChannelOrder.LOWEST_FIRST, ChannelMode.PREFERRED, 4, 2, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new OutboundConfig(List.of(0), null, ChannelMode.PREFERRED, 4, 2, d));
    }

    @Test
    void stuckChannelPolicyRefusesZeroDurationsAndLimits() {
        Duration m = Duration.ofMinutes(1);
        assertThrows(IllegalArgumentException.class, () -> new StuckChannelPolicy(Duration.ZERO, m, 4, m, m));
        assertThrows(IllegalArgumentException.class, () -> new StuckChannelPolicy(m, m, 0, m, m));
        assertEquals(Duration.ofSeconds(30), StuckChannelPolicy.defaults().grace());
    }
}
