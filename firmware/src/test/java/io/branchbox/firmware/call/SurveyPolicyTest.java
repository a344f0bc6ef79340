package io.branchbox.firmware.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link Survey} alone, in virtual time, through fakes of its two ports that write down what the
 * survey asks: no call manager, no call context, no audio.
 */
class SurveyPolicyTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> asked = new ArrayList<>();
    private Consumer<Character> keys = k -> { };
    private final Agent agent = new Agent("agent1", "Agent 1", 1, List.of("inquiry"), now());

    private final Survey survey = new Survey(scheduler, new Survey.Caller() {
        @Override
        public void ask(Call call) {
            asked.add("prompt");
        }

        @Override
        public void listen(Call call, Consumer<Character> onKey) {
            asked.add("listen");
            keys = onKey;
        }

        @Override
        public void rated(Call call, Agent a, char rating) {
            asked.add("rated " + a.id() + " " + rating);
        }
    }, new Survey.Port() {
        @Override
        public void wrapUp(Call call, Agent a) {
            asked.add("wrap-up " + a.id());
        }

        @Override
        public void hangUpAndEnd(Call call, String why) {
            PolicyCalls.hangUpAndEnd(asked, call, why, now());
        }
    });

    private Instant now() {
        return scheduler.clock().instant();
    }

    /** A call agent1 answered, in conversation. */
    private Call talking() {
        return PolicyCalls.talking("C1", agent, now());
    }

    @Test
    void theAgentLeavesForWrapUpAndTheCallerIsAskedAndListenedTo() {
        Call call = talking();
        survey.start(call, agent, TIMEOUT);
        assertEquals(Call.State.SURVEY, call.state());
        assertEquals(List.of("wrap-up agent1", "listen", "prompt"), asked);
    }

    @Test
    void theFirstRatingIsJournaledForTheAgentWhoTalkedAndEndsTheCall() {
        Call call = talking();
        survey.start(call, agent, TIMEOUT);
        asked.clear();
        keys.accept('7');
        keys.accept('#');
        assertEquals(List.of(), asked, "no rating: the survey waits on");
        keys.accept('2');
        assertEquals(List.of("rated agent1 2", "end: survey answered 2"), asked);
        keys.accept('3');
        assertEquals(2, asked.size(), "a key after the end is no second rating");
        scheduler.advance(TIMEOUT);
        assertEquals(2, asked.size(), "the timeout does not end an ended call again");
    }

    @Test
    void noKeyWithinTheTimeoutEndsTheCallWithoutARating() {
        Call call = talking();
        survey.start(call, agent, TIMEOUT);
        asked.clear();
        scheduler.advance(TIMEOUT.minusMillis(1));
        assertEquals(List.of(), asked);
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(List.of("end: survey not answered"), asked);
        assertEquals(Call.State.ENDED, call.state());
    }

    @Test
    void aCallNotInConversationGetsNoSurveyAndNothingIsAsked() {
        Call waiting = new Call("C2", Call.Direction.IN, null, "inquiry", now());
        waiting.on(CallEvent.TRUNK_ANSWERED, now());
        waiting.on(CallEvent.QUEUE_JOINED, now());
        survey.start(waiting, agent, TIMEOUT);
        assertEquals(Call.State.QUEUED, waiting.state());
        assertEquals(List.of(), asked);
        assertEquals(0, scheduler.pendingCount(), "no timer armed");
    }
}
