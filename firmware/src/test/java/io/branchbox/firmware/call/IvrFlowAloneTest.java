package io.branchbox.firmware.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.ivr.CrewDesk;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link IvrFlow} alone, in virtual time, through a fake port that writes down what the caller
 * hears and what call control is asked, and lets the test end each prompt: no call manager, no
 * call context, no audio. The decisions themselves are {@code IvrPolicyTest}'s.
 */
class IvrFlowAloneTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> asked = new ArrayList<>();
    private final List<String> journal = new ArrayList<>();
    private Runnable playing = () -> { };
    private Consumer<Character> keys = k -> { };
    private BoxConfig config = ConfigDocuments.defaults()
            .withIvr(new BoxConfig.Ivr("greeting", "inquiry", Map.of("95598", "repair"), "survey"));

    private final CallEventLog log = new CallEventLog((type, callId, agentId, queue, a) -> journal.add(type + " " + queue));
    private final Callbacks callbacks = new Callbacks(scheduler, log, new Callbacks.Port() {
        @Override public void enqueue(String acdId, String queue, int priority, Instant placeSince) { asked.add("callback in line " + acdId); }
        @Override public void withdraw(String acdId, Agent agent) { }
        @Override public void dial(Agent agent, String number, OutboundCalls.Outcome outcome) { }
        @Override public boolean queueExists(String queue) { return true; }
        @Override public String nextId() { return "B1"; }
        @Override public BoxConfig.Console console() { return config.console(); }
    });

    private final IvrFlow ivr = new IvrFlow(scheduler, log, callbacks, new IvrFlow.Port() {
        @Override public BoxConfig config() { return config; }
        @Override public CrewDesk crewDesk() { return null; }

        @Override
        public void play(Call call, String prompt, Runnable heard) {
            asked.add("play " + prompt);
            playing = heard;
        }

        @Override public void silence(Call call) { asked.add("silence"); }

        @Override
        public void listen(Call call, Consumer<Character> onKey) {
            asked.add("listen");
            keys = onKey;
        }

        @Override public void stopListening(Call call) { asked.add("stop listening"); }
        @Override public void record(Call call) { asked.add("record"); }
        @Override public void enqueue(Call call, boolean evenIfFull) { asked.add("enqueue " + call.queue() + (evenIfFull ? " even if full" : "")); }
        @Override public void forward(Call call, String number) { asked.add("forward " + number); }

        @Override
        public void hangUpAndEnd(Call call, String why) {
            PolicyCalls.hangUpAndEnd(asked, call, why, now());
        }
    });

    private Instant now() {
        return scheduler.clock().instant();
    }

    private Call answered(String calling) {
        return PolicyCalls.answered("C1", Call.Direction.IN, calling, now());
    }

    @Test
    void theGreetingThenTheDialledNumbersQueueWaitingFromTheEndOfTheGreeting() {
        Call call = answered("13800000001");
        ivr.start(call);
        assertEquals(List.of("play greeting"), asked);
        scheduler.advance(Duration.ofSeconds(6));
        playing.run();
        assertEquals(List.of("play greeting", "enqueue repair"), asked);
        assertEquals(now(), call.placeSince, "the wait begins after the greeting");
    }

    @Test
    void aPromptEndingAfterTheCallerLeftLeadsNowhere() {
        Call call = answered("13800000001");
        ivr.start(call);
        call.on(CallEvent.END, now());
        playing.run();
        assertEquals(List.of("play greeting"), asked);
    }

    @Test
    void aVoicemailIsIntroBeepThenRecordedUntilHashOrTwoMinutes() {
        Call call = answered("13800000001");
        ivr.voicemail(call);
        assertEquals(Call.State.VOICEMAIL, call.state());
        playing.run();
        playing.run();
        assertEquals(List.of("play voicemail-intro", "play beep", "record", "listen"), asked);
        keys.accept('5');
        assertEquals(Call.State.VOICEMAIL, call.state(), "only # ends it");
        keys.accept('#');
        assertEquals("end: voicemail left", asked.getLast());

        asked.clear();
        Call quiet = answered("13800000002");
        ivr.voicemail(quiet);
        playing.run();
        playing.run();
        scheduler.advance(IvrPolicy.VOICEMAIL_MAX.minusSeconds(1));
        assertEquals(Call.State.VOICEMAIL, quiet.state());
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals("end: goodbye", asked.getLast());
    }

    @Test
    void aCallbackIsBookedToldAndHungUpAndAWithheldCallerWaitsInTheirPlaceInstead() {
        Call call = answered("13800000001");
        ivr.bookCallback(call, "repair", now());
        assertEquals(Call.State.CALLBACK, call.state());
        assertEquals(List.of("callback in line cb-C1", "play callback-booked"), asked);
        playing.run();
        assertEquals("end: callback booked", asked.getLast());

        asked.clear();
        Call withheld = answered("");
        Instant place = now();
        withheld.placeSince = place;
        scheduler.advance(Duration.ofSeconds(30));
        ivr.bookCallback(withheld, "inquiry", now());
        assertEquals(List.of("enqueue inquiry even if full"), asked);
        assertEquals(place, withheld.placeSince, "the place they had");
        assertTrue(callbacks.pending().equals(List.of("C1")), "no request for a withheld number");
    }

    @Test
    void aGoodbyeWithoutAPromptHangsUpAtOnce() {
        Call call = answered("13800000001");
        ivr.goodbye(call, "");
        assertEquals(List.of("end: goodbye"), asked);
    }
}
