package io.branchbox.firmware.trunk.outbound;

import static io.branchbox.firmware.trunk.outbound.DialerFixture.answered;
import static io.branchbox.firmware.trunk.outbound.DialerFixture.failed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.trunk.FakeNetwork;
import io.branchbox.firmware.trunk.FakeNetwork.Answer;
import io.branchbox.firmware.trunk.FakeNetwork.Ignore;
import io.branchbox.firmware.trunk.FakeNetwork.Reject;
import io.branchbox.firmware.trunk.outbound.Attempt.Outcome;
import io.branchbox.firmware.trunk.outbound.OutboundResult.Reason;
import io.branchbox.firmware.trunk.outbound.OutboundConfig.ChannelMode;
import io.branchbox.firmware.trunk.outbound.OutboundConfig.ChannelOrder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hunt over channels and spans against real Q.931 and LAPD with scripted networks. */
class OutboundDialerTest {
    private final DialerFixture f = new DialerFixture();

    @Test
    void noCircuitThenChannelUnavailableThenAnsweredOnTheFallbackSpan() {
        f.span0.network.script(new Reject(Q850Cause.NO_CIRCUIT_AVAILABLE), new Reject(Q850Cause.REQUESTED_CHANNEL_NOT_AVAILABLE));

        OutboundResult.Answered a = answered(f.dial("c1", "010 1234 5678"));

        assertEquals(1, a.span());
        assertEquals(31, a.timeslot());
        assertEquals("span1/ts31", a.trunkCall().trunk());
        assertEquals(List.of(
                new FakeNetwork.Setup(31, true, "01012345678"),
                new FakeNetwork.Setup(30, true, "01012345678")), f.span0.network.setups());
        assertEquals(List.of(new FakeNetwork.Setup(31, true, "01012345678")), f.span1.network.setups());
        List<Attempt> attempts = a.attempts();
        assertEquals(3, attempts.size());
        assertAttempt(attempts.get(0), "span0/ts31", Q850Cause.NO_CIRCUIT_AVAILABLE, "public_local", Outcome.FAILED_RETRYABLE);
        assertAttempt(attempts.get(1), "span0/ts30", Q850Cause.REQUESTED_CHANNEL_NOT_AVAILABLE, "public_local", Outcome.FAILED_RETRYABLE);
        assertAttempt(attempts.get(2), "span1/ts31", null, "", Outcome.ANSWERED);
        assertTrue(f.dialer.inProgress().isEmpty());
    }

    @Test
    void everyAttemptIsJournaledWithItsCause() {
        f.span0.network.script(new Reject(Q850Cause.NO_CIRCUIT_AVAILABLE), new Reject(Q850Cause.SWITCHING_EQUIPMENT_CONGESTION));
        answered(f.dial("c2", "13812345678"));

        assertEquals(3, f.journal.size());
        assertTrue(f.journal.stream().allMatch(e -> e.type().equals(CallEventTypes.CALL_ATTEMPT) && e.callId().equals("c2")));
        DialerFixture.Event first = f.journal.get(0);
        assertEquals("1", first.attrs().get(CallEventTypes.ATTEMPT));
        assertEquals("span0/ts31", first.attrs().get(CallEventTypes.TRUNK));
        assertEquals("34", first.attrs().get(CallEventTypes.CAUSE));
        assertEquals("public_local", first.attrs().get(CallEventTypes.CAUSE_LOCATION));
        assertEquals("FAILED_RETRYABLE", first.attrs().get(CallEventTypes.OUTCOME));
        assertEquals("no circuit available", first.attrs().get(CallEventTypes.REASON));
        assertEquals(f.scheduler.clock().instant().toString(), first.attrs().get(CallEventTypes.STARTED_AT));
        assertEquals("42", f.journal.get(1).attrs().get(CallEventTypes.CAUSE));
        assertEquals("ANSWERED", f.journal.get(2).attrs().get(CallEventTypes.OUTCOME));
        assertEquals("3", f.journal.get(2).attrs().get(CallEventTypes.ATTEMPT));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 17, 18, 19, 21})
    void theFarEndSayingNoIsFinal(int value) {
        Q850Cause cause = Q850Cause.of(value);
        f.span0.network.script(new Reject(cause));

        OutboundResult.Failed r = failed(f.dial("c3", "01012345678"));

        assertEquals(Reason.REFUSED, r.reason());
        assertEquals(cause, r.cause());
        assertEquals(1, r.attempts().size());
        assertEquals(Outcome.FAILED_FINAL, r.attempts().get(0).outcome());
        assertEquals(1, f.span0.network.setups().size());
        assertTrue(f.span1.network.setups().isEmpty(), "no fallback for a final cause");
    }

    @Test
    void busyAfterCallProceedingIsFinalToo() {
        f.span0.network.script(new FakeNetwork.ProceedThenDisconnect(Q850Cause.USER_BUSY));
        OutboundResult.Failed r = failed(f.dial("c4", "01012345678"));
        assertEquals(Q850Cause.USER_BUSY, r.cause());
        assertEquals(1, f.span0.network.setups().size() + f.span1.network.setups().size());
    }

    @Test
    void setupUnansweredTwiceIsRetriedOnAnotherChannel() {
        f.span0.network.script(new Ignore(), new Answer());
        CompletableFuture<OutboundResult> dial = f.dial("c5", "01012345678");
        assertFalse(dial.isDone());

        f.advanceSeconds(4);
        f.advanceSeconds(4);

        OutboundResult.Answered a = answered(dial);
        assertAttempt(a.attempts().get(0), "span0/ts31", Q850Cause.RECOVERY_ON_TIMER_EXPIRY, "user", Outcome.FAILED_RETRYABLE);
        assertEquals(Duration.ofSeconds(8), Duration.between(a.attempts().get(0).startedAt(), a.attempts().get(0).endedAt()));
        assertEquals("span0/ts30", a.trunkCall().trunk());
    }

    @Test
    void deadlineCutsTheDialAndNothingIsTriedAfterIt() {
        DialerFixture g = new DialerFixture(new OutboundConfig(List.of(0, 1), ChannelOrder.HIGHEST_FIRST,
                ChannelMode.EXCLUSIVE, 4, 2, Duration.ofSeconds(10)));
        g.span0.network.fallback(new Ignore());
        CompletableFuture<OutboundResult> dial = g.dial("c6", "01012345678");

        g.advanceSeconds(8);
        assertFalse(dial.isDone(), "T303 twice after 8 s: second attempt running");
        g.advanceSeconds(2);

        OutboundResult.Failed r = failed(dial);
        assertEquals(Reason.DEADLINE, r.reason());
        assertEquals(Q850Cause.RECOVERY_ON_TIMER_EXPIRY, r.cause());
        assertEquals(List.of(Outcome.FAILED_RETRYABLE, Outcome.DEADLINE), r.attempts().stream().map(Attempt::outcome).toList());
        assertEquals("span0/ts30", r.attempts().get(1).trunk());
        g.advanceSeconds(120);
        assertEquals(2, g.span0.network.setups().size());
        assertTrue(g.span1.network.setups().isEmpty());
        assertTrue(g.span0.span.calls().isEmpty(), "the cut attempt was cleared");
        assertEquals(2, g.journal.size());
    }

    @Test
    void perRequestDeadlineCutsARingingCall() {
        f.span0.network.script(new FakeNetwork.Ring());
        int[] rung = new int[2];
        OutboundListener listener = new OutboundListener() {
            @Override
            public void onRinging(int span, int timeslot) {
                rung[0] = span + 1;
                rung[1] = timeslot;
            }
        };
        CompletableFuture<OutboundResult> dial = f.dial(new OutboundRequest("c7", "01012345678", null, Duration.ofSeconds(30), listener));
        assertEquals(1, rung[0], "ringing reported on span 0");
        assertEquals(31, rung[1]);

        f.advanceSeconds(30);

        assertEquals(Reason.DEADLINE, failed(dial).reason());
        assertEquals(0, f.span0.network.callCount(), "the network saw the call cleared");
    }

    @Test
    void cancelClearsTheRingingAttempt() {
        f.span0.network.script(new FakeNetwork.Ring());
        CompletableFuture<OutboundResult> dial = f.dial("c8", "01012345678");
        f.dialer.cancel("c8");
        f.scheduler.runPending();

        OutboundResult.Failed r = failed(dial);
        assertEquals(Reason.CANCELLED, r.reason());
        assertEquals(Outcome.CANCELLED, r.attempts().get(0).outcome());
        assertEquals(0, f.span0.network.callCount());
        assertTrue(f.span0.span.calls().isEmpty());
    }

    @Test
    void attemptsAreBounded() {
        DialerFixture g = new DialerFixture(new OutboundConfig(List.of(0, 1), ChannelOrder.HIGHEST_FIRST,
                ChannelMode.EXCLUSIVE, 3, 2, Duration.ofSeconds(60)));
        g.span0.network.fallback(new Reject(Q850Cause.NO_CIRCUIT_AVAILABLE));
        g.span1.network.fallback(new Reject(Q850Cause.NO_CIRCUIT_AVAILABLE));

        OutboundResult.Failed r = failed(g.dial("c9", "01012345678"));

        assertEquals(Reason.ATTEMPTS_EXHAUSTED, r.reason());
        assertEquals(Q850Cause.NO_CIRCUIT_AVAILABLE, r.cause());
        assertEquals(3, r.attempts().size());
        assertEquals(List.of("span0/ts31", "span0/ts30", "span1/ts31"), r.attempts().stream().map(Attempt::trunk).toList());
    }

    @Test
    void runningOutOfSpansEndsTheHunt() {
        DialerFixture g = new DialerFixture(new OutboundConfig(List.of(0, 1), ChannelOrder.HIGHEST_FIRST,
                ChannelMode.EXCLUSIVE, 10, 2, Duration.ofSeconds(60)));
        g.span0.network.fallback(new Reject(Q850Cause.TEMPORARY_FAILURE));
        g.span1.network.fallback(new Reject(Q850Cause.TEMPORARY_FAILURE));
        OutboundResult.Failed r = failed(g.dial("c10", "01012345678"));
        assertEquals(Reason.NO_TRUNK_AVAILABLE, r.reason());
        assertEquals(Q850Cause.TEMPORARY_FAILURE, r.cause());
        assertEquals(4, r.attempts().size());
    }

    @Test
    void spanWithLayer2DownIsSkipped() {
        f.span0.loseSignal();
        OutboundResult.Answered a = answered(f.dial("c11", "01012345678"));
        assertEquals(1, a.span());
        assertTrue(f.span0.network.setups().isEmpty());
        assertEquals(1, a.attempts().size());
    }

    @Test
    void layer2LostDuringSetupMovesTheCallToTheFallbackSpan() {
        f.span0.network.script(new Ignore());
        CompletableFuture<OutboundResult> dial = f.dial("c18", "01012345678");
        f.span0.loseSignal();

        OutboundResult.Answered a = answered(dial);
        assertAttempt(a.attempts().get(0), "span0/ts31", Q850Cause.TEMPORARY_FAILURE, "user", Outcome.FAILED_RETRYABLE);
        assertEquals("span1/ts31", a.trunkCall().trunk());
    }

    @Test
    void spanOrderMustNameExistingSpans() {
        OutboundConfig config = OutboundConfig.defaults(List.of(0, 7));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new OutboundDialer(f.trunks, config, f.admin, (t, c, a) -> { }, f.scheduler));
    }

    @Test
    void noSpanUpFailsWithNoCircuitWithoutAnAttempt() {
        f.span0.loseSignal();
        f.span1.loseSignal();
        OutboundResult.Failed r = failed(f.dial("c12", "01012345678"));
        assertEquals(Reason.NO_TRUNK_AVAILABLE, r.reason());
        assertEquals(Q850Cause.NO_CIRCUIT_AVAILABLE, r.cause());
        assertTrue(r.attempts().isEmpty());
    }

    @Test
    void technicianBlockedChannelsAreNeverChosen() {
        f.admin.block(0, 31, "crackle");
        f.admin.block(0, 30, "crackle");
        f.span0.network.script(new Reject(Q850Cause.REQUESTED_CHANNEL_NOT_AVAILABLE));

        OutboundResult.Answered a = answered(f.dial("c13", "01012345678"));

        assertEquals(List.of(29, 28), f.span0.network.setups().stream().map(FakeNetwork.Setup::timeslot).toList());
        assertEquals("span0/ts28", a.trunkCall().trunk());
    }

    @Test
    void lowestFirstPreferredHuntsFromTheBottom() {
        DialerFixture g = new DialerFixture(new OutboundConfig(List.of(1, 0), ChannelOrder.LOWEST_FIRST,
                ChannelMode.PREFERRED, 4, 2, Duration.ofSeconds(60)));
        OutboundResult.Answered a = answered(g.dial("c14", "01012345678"));
        assertEquals(List.of(new FakeNetwork.Setup(1, false, "01012345678")), g.span1.network.setups());
        assertEquals(1, a.span());
    }

    @Test
    void clearingAfterTheAnswerReachesTheListener() {
        Q850Cause[] cleared = {null};
        OutboundListener listener = new OutboundListener() {
            @Override
            public void onClearedAfterAnswer(Q850Cause cause, String location) {
                cleared[0] = cause;
            }
        };
        answered(f.dial(new OutboundRequest("c15", "01012345678", null, null, listener)));
        f.span0.network.disconnectAll(Q850Cause.NORMAL_CLEARING);
        f.scheduler.runPending();
        assertEquals(Q850Cause.NORMAL_CLEARING, cleared[0]);
        assertEquals(1, f.journal.size(), "the clearing after the answer is call control's to journal");
    }

    @Test
    void undiallableNumberFailsWithoutSetup() {
        OutboundResult.Failed r = failed(f.dial("c16", "010-ABC"));
        assertEquals(Reason.INVALID_NUMBER, r.reason());
        assertEquals(Q850Cause.INVALID_NUMBER_FORMAT, r.cause());
        assertTrue(f.span0.network.setups().isEmpty());
    }

    @Test
    void sameCallIdTwiceIsRefused() {
        f.span0.network.script(new FakeNetwork.Ring());
        f.dial("c17", "01012345678");
        CompletableFuture<OutboundResult> second = f.dial("c17", "01012345678");
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, second::join);
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    private static void assertAttempt(Attempt a, String trunk, Q850Cause cause, String location, Outcome outcome) {
        assertEquals(trunk, a.trunk(), "trunk of " + a);
        assertEquals(java.util.Optional.ofNullable(cause), a.cause(), "cause of " + a);
        assertEquals(location, a.causeLocation(), "location of " + a);
        assertEquals(outcome, a.outcome(), "outcome of " + a);
    }
}
