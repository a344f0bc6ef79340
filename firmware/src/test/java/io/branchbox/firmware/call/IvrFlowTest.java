package io.branchbox.firmware.call;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The automatic part of inbound calls, through call control on fakes in virtual time. */
class IvrFlowTest {

    private static int indexOf(CallFixture f, String event) {
        return f.events.indexOf(event);
    }

    @Test
    void theFactoryMenuRoutesKeyOneToRepairsAndAPriorityCallerAheadOfOthers() {
        BoxConfig d = ConfigDocuments.defaults();
        BoxConfig config = d.withIvr(new BoxConfig.Ivr("greeting", "inquiry", Map.of(), "survey", "main",
                d.ivr().menus(), Map.of("13900000009", 5), "default"));
        CallFixture f = new CallFixture(config);
        f.calls.onIncoming(f.new Trunk(1, "13800000001", "95598"));
        f.talk(Duration.ofSeconds(6), 1); // greeting
        f.press(1, "1");
        assertEquals("repair", f.calls.calls().get(0).queue());
        assertEquals(Call.State.QUEUED, f.calls.calls().get(0).state());
        int ivr = indexOf(f, "call.ivr");
        assertEquals("1", f.eventAttrs.get(ivr).get("key"));
        assertEquals("QUEUE:repair", f.eventAttrs.get(ivr).get("step"));

        f.calls.onIncoming(f.new Trunk(2, "13900000009", "95598"));
        f.talk(Duration.ofSeconds(6), 2);
        f.press(2, "1");
        assertEquals(List.of(f.calls.calls().get(1).id(), f.calls.calls().get(0).id()), f.calls.acd().waiting("repair"),
                "the priority caller is served first although they came later");
    }

    @Test
    void aCallerWhoPressesNothingIsQueuedByTheFallbackNotDropped() {
        CallFixture f = new CallFixture(ConfigDocuments.defaults());
        f.calls.onIncoming(f.new Trunk(1, "13800000001", "95598"));
        f.talk(Duration.ofSeconds(90), 1);
        assertEquals(Call.State.QUEUED, f.only().state());
        assertEquals("inquiry", f.only().queue());
    }

    @Test
    void outsideBusinessHoursTheCallerHearsClosedAndACallbackIsBookedForTheOpening() {
        BoxConfig d = ConfigDocuments.defaults();
        // the fixture's virtual clock starts at the epoch, a Thursday night in Shanghai: closed
        BoxConfig config = d.withHours(new BoxConfig.Hours(
                List.of(new BoxConfig.OpenPeriod(List.of(DayOfWeek.values()), "08:30", "08:31")), List.of(), List.of(),
                new BoxConfig.NightService(BoxConfig.NightAction.CALLBACK, "closed", "", "repair")));
        CallFixture f = new CallFixture(config);
        f.calls.onIncoming(f.new Trunk(1, "13800000001", "95598"));
        f.talk(Duration.ofSeconds(20), 1);
        assertTrue(f.calls.calls().isEmpty(), "the box hung up after telling the caller");
        assertTrue(f.events.contains("call.night"));
        int booked = indexOf(f, "callback.requested");
        assertEquals("13800000001", f.eventAttrs.get(booked).get("number"));
        assertEquals("CALLBACK", f.eventAttrs.get(indexOf(f, "call.ended")).get("disposition"));
        assertEquals(List.of(), f.calls.acd().waiting("repair"), "not dialled before the branch opens");
    }

    /** "inquiry" holds one caller; the next one is offered a callback. */
    private static BoxConfig oneCallerQueueOverflowingToCallbacks() {
        BoxConfig d = ConfigDocuments.defaults();
        BoxConfig.Queue small = new BoxConfig.Queue("inquiry", BoxConfig.Strategy.LONGEST_IDLE, 12, 10, 600, "",
                BoxConfig.Overflow.CALLBACK, 1, "", 0, 0);
        return d.withIvr(new BoxConfig.Ivr("greeting", "inquiry", Map.of(), "survey"))
                .withQueues(List.of(small, d.queues().get(1), d.queues().get(2)));
    }

    @Test
    void aFullQueueOffersACallbackThatIsDialledFromTheNextReadyAgent() {
        CallFixture f = new CallFixture(oneCallerQueueOverflowingToCallbacks());
        f.calls.onIncoming(f.new Trunk(1, "13800000001", "95598"));
        f.talk(Duration.ofSeconds(6), 1);
        f.calls.onIncoming(f.new Trunk(2, "13800000002", "95598"));
        f.talk(Duration.ofSeconds(15), 1, 2);
        assertEquals(1, f.calls.calls().size(), "the second caller booked a callback and was let go");
        assertEquals(1, f.calls.callbacks().pending().size());

        f.calls.onReadyButton(1); // takes the first caller
        f.calls.onAnswerButton(1);
        f.scheduler.runPending();
        f.calls.onReadyButton(2); // the callback goes to the next ready agent: the box dials at once
        f.scheduler.runPending();
        assertEquals(List.of("13800000002"), f.dialled);
        f.dialResult.complete(f.new Trunk(7, "", "13800000002"));
        f.scheduler.runPending();
        assertEquals(AgentState.ON_CALL, f.agent(2).state());
        int done = indexOf(f, "callback.done");
        assertEquals("REACHED", f.eventAttrs.get(done).get("outcome"));
        assertTrue(f.calls.callbacks().pending().isEmpty());
    }

    @Test
    void aWithheldCallerFindingTheQueueFullWithCallbackOverflowWaitsInsteadOfLoopingForever() {
        // bug: the callback overflow of a full queue sent a withheld number back to the same full
        // queue, which overflowed to a callback again: a StackOverflowError on the signalling thread
        CallFixture f = new CallFixture(oneCallerQueueOverflowingToCallbacks());
        f.calls.onIncoming(f.new Trunk(1, "13800000001", "95598"));
        f.talk(Duration.ofSeconds(6), 1);
        f.calls.onIncoming(f.new Trunk(2, "", "95598"));
        f.talk(Duration.ofSeconds(15), 1, 2);
        assertEquals(2, f.calls.calls().size(), "nobody is dropped");
        assertEquals(Call.State.QUEUED, f.calls.calls().get(1).state());
        assertEquals(List.of(f.calls.calls().get(0).id(), f.calls.calls().get(1).id()), f.calls.acd().waiting("inquiry"),
                "the withheld caller waits behind the first");
        assertTrue(f.calls.callbacks().pending().isEmpty(), "no callback to a number nobody knows");
    }

    @Test
    void aVoicemailIsRecordedAndJournaledWithItsFile() {
        BoxConfig d = ConfigDocuments.defaults();
        BoxConfig.Menu menu = new BoxConfig.Menu("main", "main-menu", 5, 1, "invalid-choice",
                Map.of("9", new BoxConfig.Step(BoxConfig.StepAction.VOICEMAIL, "complaint", 0)),
                new BoxConfig.Step(BoxConfig.StepAction.QUEUE, "inquiry", 0));
        CallFixture f = new CallFixture(d.withIvr(new BoxConfig.Ivr("greeting", "inquiry", Map.of(), "survey", "main",
                List.of(menu), Map.of(), "default")));
        CallFixture.Trunk t = f.new Trunk(1, "13800000001", "95598");
        f.calls.onIncoming(t);
        f.talk(Duration.ofSeconds(6), 1);
        f.press(1, "9");
        f.talk(Duration.ofSeconds(15), 1); // intro, beep, then the message
        f.calls.onTrunkCleared(t, Q850Cause.NORMAL_CLEARING);
        f.scheduler.runPending();
        int vm = indexOf(f, "call.voicemail");
        assertTrue(vm > 0, f.events.toString());
        assertTrue(f.eventAttrs.get(vm).get("file").endsWith(".wav"));
        assertEquals("VOICEMAIL", f.eventAttrs.get(indexOf(f, "call.ended")).get("disposition"));
    }

    @Test
    void anAgentPutsANumberOnTheCallbackListAndTheNextReadyAgentDialsIt() {
        CallFixture f = new CallFixture();
        assertEquals("bad-number", org.junit.jupiter.api.Assertions.assertThrows(
                io.branchbox.firmware.console.ConsoleException.class,
                () -> f.calls.callbacks().bookNumber(f.agent(1), "12;3", "repair")).code());
        f.calls.callbacks().bookNumber(f.agent(1), "13800000005", "repair");
        assertEquals(1, f.calls.callbacks().views().size());
        assertEquals("13800000005", f.calls.callbacks().views().get(0).number());
        int booked = indexOf(f, "callback.requested agent1");
        assertEquals("13800000005", f.eventAttrs.get(booked).get("number"));
        f.calls.onReadyButton(2);
        f.scheduler.runPending();
        assertEquals(List.of("13800000005"), f.dialled);
        assertEquals(1, f.calls.callbacks().views().get(0).attempts());
    }
}
