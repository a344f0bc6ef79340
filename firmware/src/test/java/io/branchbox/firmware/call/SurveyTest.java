package io.branchbox.firmware.call;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.acd.AgentState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The post-call survey on its own, in virtual time: what it accepts, what it ignores, how it ends. */
class SurveyTest {
    private final CallFixture f = new CallFixture();

    /** A caller on ts 1 in the survey after agent1 hung up. */
    private Call inSurvey() {
        f.connectedCall(1, 1);
        f.talk(Duration.ofSeconds(1), 1);
        f.calls.onAnswerButton(1);
        Call call = f.only();
        assertEquals(Call.State.SURVEY, call.state());
        return call;
    }

    @Test
    void theAgentLeavesAtOnceHeadsetClosedWhileTheCallerStays() {
        inSurvey();
        assertEquals(AgentState.WRAP_UP, f.agent(1).state());
        assertTrue(f.channelOps.contains("close 30/0"), "the agent's headset is closed: " + f.channelOps);
        assertEquals(List.of("answer ts1"), f.trunkActions, "the caller is still on the line");
    }

    @Test
    void keysOtherThanOneToThreeAreIgnoredAndTheFirstRatingEndsTheCall() {
        Call call = inSurvey();
        f.press(1, "5");
        assertEquals(Call.State.SURVEY, call.state(), "5 is no rating");
        assertTrue(f.events.stream().noneMatch(e -> e.startsWith("call.survey")));
        f.press(1, "3");
        int survey = f.events.indexOf("call.survey agent1");
        assertTrue(survey >= 0, f.events.toString());
        assertEquals("3", f.eventAttrs.get(survey).get("rating"), f.eventAttrs.get(survey).toString());
        assertEquals(List.of("answer ts1", "hangup ts1 16"), f.trunkActions);
        assertTrue(f.calls.calls().isEmpty());
    }

    @Test
    void aCallerWhoHangsUpDuringTheSurveyEndsItWithoutARatingAndTheAgentIsNotReleasedTwice() {
        inSurvey();
        int from = f.events.size();
        f.calls.onTrunkCleared(f.only().trunk(), Q850Cause.NORMAL_CLEARING);
        assertTrue(f.calls.calls().isEmpty());
        List<String> after = f.eventsSince(from);
        assertTrue(after.stream().noneMatch(e -> e.startsWith("call.survey")), after.toString());
        assertTrue(after.stream().noneMatch(e -> e.startsWith("agent.")), "the agent left the call before: " + after);
        assertEquals(AgentState.WRAP_UP, f.agent(1).state());
        f.talk(Duration.ofSeconds(20), 1);
        assertEquals(List.of("answer ts1"), f.trunkActions, "the survey's timer does not hang up a call already ended");
    }
}
