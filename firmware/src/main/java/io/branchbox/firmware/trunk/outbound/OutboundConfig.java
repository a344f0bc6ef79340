package io.branchbox.firmware.trunk.outbound;

import java.time.Duration;
import java.util.List;

/**
 * How the dialer hunts for a way out. Immutable.
 *
 * @param spanOrder the spans to try, first choice first; later ones are fallback trunks
 * @param channelOrder which idle timeslot a span is tried on first
 * @param channelMode how the chosen timeslot is indicated in SETUP
 * @param maxAttempts SETUPs sent per dial at most, over all spans
 * @param maxAttemptsPerSpan SETUPs per span before the dialer falls back to the next span
 * @param deadline the whole dial, from {@code dial} to the far end's answer; cut when it expires
 */
public record OutboundConfig(List<Integer> spanOrder, ChannelOrder channelOrder, ChannelMode channelMode,
        int maxAttempts, int maxAttemptsPerSpan, Duration deadline) {

    /** Which idle timeslot is taken first. */
    public enum ChannelOrder {
        /**
         * Highest first: networks hunt from the lowest, so the two ends meet last (little glare).
         * The default.
         */
        HIGHEST_FIRST,
        LOWEST_FIRST
    }

    /** How SETUP indicates the channel. */
    public enum ChannelMode {
        /** The network may move the call to another channel (survives glare). The default. */
        PREFERRED,
        /** Only this channel; a busy one is rejected with cause 44 and the dialer tries the next. */
        EXCLUSIVE,
        /** No channel indicated: the network chooses ("any channel"); technician blocks cannot apply. */
        NETWORK_CHOOSES
    }

    public OutboundConfig {
        spanOrder = List.copyOf(spanOrder);
        if (spanOrder.isEmpty()) {
            throw new IllegalArgumentException("at least one span is needed for outbound calls");
        }
        if (spanOrder.stream().distinct().count() != spanOrder.size()) {
            throw new IllegalArgumentException("span listed twice in " + spanOrder);
        }
        if (channelOrder == null || channelMode == null) {
            throw new IllegalArgumentException("channel order and mode are required");
        }
        if (maxAttempts < 1 || maxAttemptsPerSpan < 1) {
            throw new IllegalArgumentException("attempt limits must be at least 1");
        }
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
    }

    /** Highest-first, preferred, 4 attempts, 2 per span, 60 s. */
    public static OutboundConfig defaults(List<Integer> spanOrder) {
        return new OutboundConfig(spanOrder, ChannelOrder.HIGHEST_FIRST, ChannelMode.PREFERRED, 4, 2, Duration.ofSeconds(60));
    }
}
