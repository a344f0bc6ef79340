package io.branchbox.firmware.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.isdn.q931.Q850Cause;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link QueuePolicy} alone: the overflow, maximum-wait, offer and ring-no-answer decisions. */
class QueuePolicyTest {
    private static BoxConfig.Queue queue(BoxConfig.Overflow overflow, String overflowQueue) {
        return new BoxConfig.Queue("inquiry", BoxConfig.Strategy.LONGEST_IDLE, 12, 10, 45, overflowQueue, overflow, 3, "", 0, 0);
    }

    @Test
    void eachOverflowSettingLeadsWhereItSays() {
        assertEquals(new QueuePolicy.Overflow.WaitOn(), QueuePolicy.overflow(queue(BoxConfig.Overflow.NONE, "")));
        assertEquals(new QueuePolicy.Overflow.ToQueue("repair"), QueuePolicy.overflow(queue(BoxConfig.Overflow.QUEUE, "repair")));
        assertEquals(new QueuePolicy.Overflow.ToVoicemail(), QueuePolicy.overflow(queue(BoxConfig.Overflow.VOICEMAIL, "")));
        assertEquals(new QueuePolicy.Overflow.ToCallback("inquiry"),
                QueuePolicy.overflow(queue(BoxConfig.Overflow.CALLBACK, "")), "booked in the queue the caller waited in");
    }

    @Test
    void anOverflowToNoQueueIsNoOverflowTheCallerWaitsOn() {
        assertEquals(new QueuePolicy.Overflow.WaitOn(), QueuePolicy.overflow(queue(BoxConfig.Overflow.QUEUE, "")));
    }

    @Test
    void onlyAFullQueueTurnsAJoiningCallerAwayAndNeverOneGoingBackToTheHead() {
        BoxConfig.Queue q = queue(BoxConfig.Overflow.VOICEMAIL, "");
        assertEquals(new QueuePolicy.Overflow.ToVoicemail(), QueuePolicy.onJoin(q, true, true));
        assertEquals(new QueuePolicy.Overflow.WaitOn(), QueuePolicy.onJoin(q, false, true), "room in the line");
        assertEquals(new QueuePolicy.Overflow.WaitOn(), QueuePolicy.onJoin(q, true, false), "missed offer, transfer: back at the head");
        assertEquals(new QueuePolicy.Overflow.WaitOn(), QueuePolicy.onJoin(queue(BoxConfig.Overflow.NONE, ""), true, true));
    }

    @Test
    void theMaximumWaitRunsOnlyWithAnOverflowAndLetsARingingSeatFinish() {
        assertEquals(Optional.empty(), QueuePolicy.maxWait(queue(BoxConfig.Overflow.NONE, "")), "no timer without an overflow");
        assertEquals(Optional.of(Duration.ofSeconds(45)), QueuePolicy.maxWait(queue(BoxConfig.Overflow.CALLBACK, "")));
        assertEquals(new QueuePolicy.AfterMaxWait.OverflowNow(), QueuePolicy.afterMaxWait(Call.State.QUEUED));
        assertEquals(new QueuePolicy.AfterMaxWait.LookAgain(Duration.ofSeconds(1)), QueuePolicy.afterMaxWait(Call.State.OFFERED));
        for (Call.State s : new Call.State[] {Call.State.CONNECTED, Call.State.VOICEMAIL, Call.State.CALLBACK, Call.State.ENDED}) {
            assertEquals(new QueuePolicy.AfterMaxWait.Nothing(), QueuePolicy.afterMaxWait(s), s.name());
        }
    }

    @Test
    void aSeatRingsForTheQueuesOfferTimeout() {
        assertEquals(Duration.ofSeconds(12), QueuePolicy.offerTimeout(queue(BoxConfig.Overflow.NONE, "")));
    }

    @Test
    void aMissedInboundOfferRequeuesTheCallerAndTheLimitMakesTheAgentNotReady() {
        assertEquals(new QueuePolicy.Missed(Optional.empty(), new QueuePolicy.AgentAfter.Ready()),
                QueuePolicy.missedOffer(Call.Direction.IN, 1, 2, null));
        assertEquals(new QueuePolicy.Missed(Optional.empty(), new QueuePolicy.AgentAfter.NotReadyMissedOffers(2)),
                QueuePolicy.missedOffer(Call.Direction.IN, 2, 2, null));
    }

    @Test
    void aColleagueRungWhileNotReadyGoesBackToTheirReasonWhateverTheCount() {
        assertEquals(new QueuePolicy.Missed(Optional.empty(), new QueuePolicy.AgentAfter.Resumes("meal")),
                QueuePolicy.missedOffer(Call.Direction.IN, 5, 2, "meal"));
        assertEquals(new QueuePolicy.Missed(Optional.of(Q850Cause.NO_ANSWER), new QueuePolicy.AgentAfter.Resumes("login")),
                QueuePolicy.missedOffer(Call.Direction.INTERNAL, 0, 2, "login"));
    }

    @Test
    void anInternalCallNobodyAnswersEndsWithNoAnswerAndCountsNoMiss() {
        assertEquals(new QueuePolicy.Missed(Optional.of(Q850Cause.NO_ANSWER), new QueuePolicy.AgentAfter.Ready()),
                QueuePolicy.missedOffer(Call.Direction.INTERNAL, 9, 2, null));
    }

    @Test
    void eachOverflowFiresItsOwnEvent() {
        assertEquals(CallEvent.OVERFLOW_TO_QUEUE, QueuePolicy.event(new QueuePolicy.Overflow.ToQueue("repair")));
        assertEquals(CallEvent.TO_VOICEMAIL, QueuePolicy.event(new QueuePolicy.Overflow.ToVoicemail()));
        assertEquals(CallEvent.CALLBACK_BOOKED, QueuePolicy.event(new QueuePolicy.Overflow.ToCallback("inquiry")));
    }
}
