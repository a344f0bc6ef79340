package io.branchbox.rig.isdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.isdn.q931.BChannels.ChannelState;
import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.isdn.q931.ChannelPreference;
import io.branchbox.firmware.isdn.q931.IsdnCall;
import io.branchbox.firmware.trunk.PriSpan;
import io.branchbox.rig.carrier.OfferedCall;
import io.branchbox.time.ManualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Each call scenario runs the box's real {@link PriSpan} against the carrier's LAPD network side;
 * the span's own D-channel capture is written as pcap and read back by Wireshark (tshark), which
 * must find nothing malformed and exactly the Q.931 exchange the scenario calls for.
 *
 * <p>Captures are kept in {@code target/captures/<test>.pcap} for a look in Wireshark.
 */
class CaptureDissectionTest {
    /** Every scenario starts this way: the box restarts the whole interface once LAPD is up. */
    private static final List<String> START = List.of("box RESTART", "net RESTART ACKNOWLEDGE");
    private static final List<String> INBOUND_ANSWERED = List.of(
            "net SETUP", "box CALL PROCEEDING", "box CONNECT", "net CONNECT ACKNOWLEDGE");

    private final ManualScheduler scheduler = new ManualScheduler();
    private final SpanOnWire wire = new SpanOnWire(scheduler, 1, 4096);
    private final List<String> cleared = new ArrayList<>();
    private Path pcap;

    @BeforeEach
    void upAndCapturing(TestInfo test) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "captures"));
        pcap = dir.resolve(test.getTestMethod().orElseThrow().getName() + ".pcap");
        wire.callControl(wire.incoming::add, (call, cause) -> cleared.add(call.trunk() + " " + cause));
        wire.bringUp();
        assertTrue(wire.span.layer2Up(), "LAPD up between the box and the carrier");
    }

    @Test
    void inboundCallAnswered() throws Exception {
        answerInboundCall();

        Tshark.Dissection d = dissect();
        assertEquals(concat(START, INBOUND_ANSWERED), d.q931());
        assertEquals(10, wire.span.calls().get(0).state(), "the call is active (U10)");
    }

    @Test
    void outboundCallAnswered() throws Exception {
        List<String> events = new ArrayList<>();
        wire.span.placeCall("01012345678", "4200", ChannelPreference.preferred(), recorder(events));
        wire.settle(Duration.ofSeconds(1));

        Tshark.Dissection d = dissect();
        assertEquals(concat(START, List.of("box SETUP", "net CALL PROCEEDING", "net ALERTING", "net CONNECT",
                "box CONNECT ACKNOWLEDGE")), d.q931());
        assertEquals(List.of("proceeding", "alerting", "answered"), events);
    }

    @Test
    void callerHangsUp() throws Exception {
        OfferedCall call = answerInboundCall();
        call.hangup(Q850Cause.NORMAL_CLEARING.value());
        wire.settle(Duration.ofSeconds(1));

        Tshark.Dissection d = dissect();
        assertEquals(concat(START, INBOUND_ANSWERED, List.of("net DISCONNECT", "box RELEASE", "net RELEASE COMPLETE")),
                d.q931());
        assertEquals(List.of("span0/ts1 16"), cleared);
        assertIdleOnBothSides();
    }

    @Test
    void boxHangsUp() throws Exception {
        answerInboundCall();
        wire.incoming.get(0).hangup(Q850Cause.NORMAL_CLEARING);
        wire.settle(Duration.ofSeconds(1));

        Tshark.Dissection d = dissect();
        assertEquals(concat(START, INBOUND_ANSWERED, List.of("box DISCONNECT", "net RELEASE", "box RELEASE COMPLETE")),
                d.q931());
        assertEquals(List.of("span0/ts1 16"), cleared);
        assertIdleOnBothSides();
    }

    /** The network offers a call on the channel our SETUP asked for; it wins and moves our call. */
    @Test
    void glare() throws Exception {
        List<String> events = new ArrayList<>();
        wire.network.armGlare("13900139000", "95598");
        IsdnCall out = wire.span.placeCall("01012345678", "4200", ChannelPreference.preferred(), recorder(events));
        int asked = out.channel();
        wire.settle(Duration.ofSeconds(1));

        Tshark.Dissection d = dissect();
        assertEquals(concat(START, List.of("box SETUP", "net SETUP", "box CALL PROCEEDING", "net CALL PROCEEDING",
                "net ALERTING", "net CONNECT", "box CONNECT ACKNOWLEDGE")), d.q931());
        assertEquals(1, wire.incoming.size(), "the network's call reached call control");
        assertEquals("span0/ts" + asked, wire.incoming.get(0).trunk(), "the network's call took the contested channel");
        assertEquals(List.of("proceeding", "alerting", "answered"), events);
        assertTrue(out.channel() != asked && out.channel() != 0, "our call moved to the channel the network gave: ts" + out.channel());
    }

    @Test
    void networkRestartsTheInterface() throws Exception {
        answerInboundCall();
        CompletableFuture<Void> acknowledged = wire.network.restartInterface();
        wire.settle(Duration.ofSeconds(1));

        Tshark.Dissection d = dissect();
        assertEquals(concat(START, INBOUND_ANSWERED, List.of("net RESTART", "box RESTART ACKNOWLEDGE")), d.q931());
        assertTrue(acknowledged.isDone());
        assertEquals(List.of("span0/ts1 " + Q850Cause.TEMPORARY_FAILURE), cleared);
        assertIdleOnBothSides();
    }

    /**
     * The wire is cut for 30 s with a call up: LAPD notices (polls unanswered), the call is kept by
     * T309, the box keeps trying SABME; mended, the link comes back with SABME/UA, the call's state
     * is checked with STATUS ENQUIRY and the free channels are restarted.
     */
    @Test
    void layer2LossAndRecovery() throws Exception {
        answerInboundCall();
        wire.cut();
        wire.settle(Duration.ofSeconds(30));
        assertFalse(wire.span.layer2Up(), "the box noticed the cut");
        assertEquals(1, wire.span.calls().size(), "the active call is kept while T309 runs");
        wire.mend();
        wire.settle(Duration.ofSeconds(10));
        assertTrue(wire.span.layer2Up(), "LAPD re-established after the wire was mended");
        wire.incoming.get(0).hangup(Q850Cause.NORMAL_CLEARING);
        wire.settle(Duration.ofSeconds(1));

        Tshark.Dissection d = dissect();
        assertEquals(concat(START, INBOUND_ANSWERED, List.of("box STATUS ENQUIRY", "box RESTART", "net STATUS",
                "net RESTART ACKNOWLEDGE", "box DISCONNECT", "net RELEASE", "box RELEASE COMPLETE")), d.q931());
        List<String> unnumbered = d.lapd(f -> List.of("SABME", "UA", "DISC", "DM").contains(f.lapd()));
        assertEquals(List.of("box SABME", "net UA"), unnumbered.subList(0, 2), "first establishment");
        assertEquals(List.of("box SABME", "net UA"), unnumbered.subList(unnumbered.size() - 2, unnumbered.size()),
                "re-establishment after the cut: " + unnumbered);
        assertTrue(unnumbered.stream().filter("box SABME"::equals).count() > 2,
                "SABME was retried while the wire was cut: " + unnumbered);
        assertEquals(List.of("span0/ts1 16"), cleared);
        assertIdleOnBothSides();
    }

    private OfferedCall answerInboundCall() {
        CompletableFuture<OfferedCall> first = wire.network.offerCall("13800138000", "95598", 1);
        wire.settle(Duration.ofMillis(100));
        assertEquals(1, wire.incoming.size(), "the span handed the call to call control");
        wire.incoming.get(0).answer();
        wire.settle(Duration.ofMillis(100));
        assertTrue(first.isDone(), "the carrier heard the box's first answer");
        return first.join();
    }

    private Tshark.Dissection dissect() throws Exception {
        Tshark.Dissection d = Tshark.dissect(wire.capture, pcap);
        d.assertNotMalformed();
        assertEquals(0, wire.capture.dropped(), "the capture ring held the whole scenario");
        assertEquals(0, wire.network.faults(), "the network side found nothing wrong in the box's messages");
        assertEquals(0, wire.span.q931().protocolErrors(), "the box found nothing wrong in the network's messages");
        return d;
    }

    private void assertIdleOnBothSides() {
        assertTrue(wire.span.calls().isEmpty(), "no call left in the box: " + wire.span.calls());
        assertTrue(wire.network.calls().isEmpty(), "no call left at the carrier: " + wire.network.calls());
        assertTrue(wire.span.q931().channels().snapshot().values().stream().allMatch(s -> s == ChannelState.IDLE),
                "every B-channel idle: " + wire.span.q931().channels().snapshot());
    }

    private static PriSpan.OutgoingListener recorder(List<String> events) {
        return new PriSpan.OutgoingListener() {
            @Override
            public void onProceeding(IsdnCall call) {
                events.add("proceeding");
            }

            @Override
            public void onAlerting(IsdnCall call) {
                events.add("alerting");
            }

            @Override
            public void onAnswered(IsdnCall call) {
                events.add("answered");
            }

            @Override
            public void onCleared(IsdnCall call, Q850Cause q850, String location) {
                int cause = q850.value();
                events.add("cleared " + cause);
            }
        };
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }
}
