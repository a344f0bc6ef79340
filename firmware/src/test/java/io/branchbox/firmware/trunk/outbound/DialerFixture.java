package io.branchbox.firmware.trunk.outbound;

import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.trunk.LinkedSpan;
import io.branchbox.firmware.trunk.outbound.OutboundConfig.ChannelMode;
import io.branchbox.firmware.trunk.outbound.OutboundConfig.ChannelOrder;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Two real spans (0 first choice, 1 fallback) over LAPD to fake networks, a dialer and a journal. */
final class DialerFixture {
    /** One journal event as the dialer wrote it, in its on-disk form. */
    record Event(String type, String callId, Map<String, String> attrs) {}

    final ManualScheduler scheduler = new ManualScheduler();
    final LinkedSpan span0 = new LinkedSpan(0, scheduler).bringUp();
    final LinkedSpan span1 = new LinkedSpan(1, scheduler).bringUp();
    final Map<Integer, OutboundTrunk> trunks = Map.of(0, OutboundTrunk.of(span0.span), 1, OutboundTrunk.of(span1.span));
    final ChannelAdmin admin = new ChannelAdmin(trunks, scheduler);
    final List<Event> journal = new ArrayList<>();
    final OutboundDialer dialer;

    DialerFixture() {
        this(new OutboundConfig(List.of(0, 1), ChannelOrder.HIGHEST_FIRST, ChannelMode.EXCLUSIVE, 4, 2,
                Duration.ofSeconds(60)));
    }

    DialerFixture(OutboundConfig config) {
        dialer = new OutboundDialer(trunks, config, admin,
                a -> {
                    JournalEvent e = CallEventCodec.encode(scheduler.clock().instant(), a);
                    journal.add(new Event(e.type(), e.callId(), e.attrs()));
                }, scheduler);
    }

    /** Dials and lets the signalling settle (no time passes). */
    CompletableFuture<OutboundResult> dial(String callId, String number) {
        return dial(OutboundRequest.of(callId, number, "4200"));
    }

    CompletableFuture<OutboundResult> dial(OutboundRequest req) {
        CompletableFuture<OutboundResult> f = dialer.dial(req);
        scheduler.runPending();
        return f;
    }

    void advanceSeconds(long s) {
        scheduler.advance(Duration.ofSeconds(s));
        scheduler.runPending();
    }

    static OutboundResult.Answered answered(CompletableFuture<OutboundResult> f) {
        if (!(f.getNow(null) instanceof OutboundResult.Answered a)) {
            throw new AssertionError("expected an answered call, got " + f.getNow(null));
        }
        return a;
    }

    static OutboundResult.Failed failed(CompletableFuture<OutboundResult> f) {
        if (!(f.getNow(null) instanceof OutboundResult.Failed r)) {
            throw new AssertionError("expected a failed dial, got " + f.getNow(null));
        }
        return r;
    }
}
