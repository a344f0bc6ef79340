package io.branchbox.firmware.call;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.acd.Acd;
import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.audio.AudioRouter;
import io.branchbox.firmware.audio.Prompts;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.time.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallManagerTest {
    private static final int SPAN0 = 0x10;

    private final ManualScheduler scheduler = new ManualScheduler();
    /** The factory document without its menu: these tests follow a caller straight from the greeting to the queue. */
    private static final BoxConfig NO_MENU = ConfigDocuments.defaults().withIvr(
            new BoxConfig.Ivr("greeting", "inquiry", Map.of("95598", "inquiry"), "survey"));
    private final BoxConfig config = NO_MENU;
    private final List<String> events = new ArrayList<>();
    private final List<String> trunkActions = new ArrayList<>();
    private final List<String> channelOps = new ArrayList<>();
    private final Map<Integer, String> lamps = new java.util.HashMap<>();
    private final List<String> recordings = new ArrayList<>();
    private int framesSent;
    private AudioRouter router;
    private CallManager calls;
    private Agent agent1;

    private final class FakeTrunk implements TrunkCall {
        @Override public String trunk() { return "span0/ts1"; }
        @Override public int audioUnit() { return SPAN0; }
        @Override public int audioChan() { return 1; }
        @Override public String callingNumber() { return "13800138000"; }
        @Override public String calledNumber() { return "95598"; }
        @Override public void answer() { trunkActions.add("answer"); }
        @Override public void hangup(Q850Cause cause) { trunkActions.add("hangup " + cause); }
    }

    @BeforeEach
    void setUp() {
        router = new AudioRouter((u, c, n, a, o) -> framesSent++);
        CallControlPorts.Channels channels = new CallControlPorts.Channels() {
            @Override
            public CompletableFuture<Void> open(int unit, int chan) {
                channelOps.add("open " + Integer.toHexString(unit) + "/" + chan);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close(int unit, int chan) {
                channelOps.add("close " + Integer.toHexString(unit) + "/" + chan);
            }
        };
        CallControlPorts.Recorder recorder = (id, at) -> new CallControlPorts.Session() {
            int frames;

            @Override
            public void frame(byte[] rx, int ro, byte[] tx, int to) {
                frames++;
            }

            @Override
            public CompletableFuture<CallControlPorts.Result> finish() {
                recordings.add(id + ":" + frames);
                return CompletableFuture.completedFuture(new CallControlPorts.Result(id + ".wav", frames * 20L, "ab"));
            }
        };
        Acd acd = new Acd(config.queues(), scheduler.clock());
        calls = new CallManager(config, scheduler, acd, router, channels, CallFixture::headset, recorder,
                (type, callId, agentId, queue, attrs) -> events.add(type + (agentId == null ? "" : " " + agentId)),
                (seat, ready, call) -> lamps.put(seat, (ready ? "R" : "-") + (call ? "C" : "-")),
                new Prompts(Path.of("/nonexistent")));
        agent1 = new Agent("agent1", "Agent 1", 1, List.of("inquiry"), scheduler.clock().instant());
        calls.login(agent1);
        events.clear();
    }

    /** Feeds caller frames on the trunk channel as the board would, every 20 ms of virtual time. */
    private void talk(Duration d) {
        for (long t = 0; t < d.toMillis(); t += 20) {
            router.onFrame(SPAN0, 1, (int) (t / 20), new byte[160], 0);
            scheduler.advance(Duration.ofMillis(20));
        }
    }

    @Test
    void inboundCallIsAnsweredGreetedQueuedOfferedConnectedRecordedAndCleared() {
        FakeTrunk trunk = new FakeTrunk();
        calls.onIncoming(trunk);
        scheduler.runPending();
        assertEquals(List.of("answer"), trunkActions);
        assertEquals(List.of("open 10/1"), channelOps);
        talk(Duration.ofSeconds(6)); // the greeting is about 4.7 s
        assertEquals(Call.State.QUEUED, calls.calls().get(0).state());
        assertTrue(framesSent >= 299, "every caller frame got an answer frame: " + framesSent);

        calls.onReadyButton(1);
        assertEquals(AgentState.OFFERED, agent1.state());
        calls.onAnswerButton(1);
        scheduler.runPending();
        assertEquals(AgentState.ON_CALL, agent1.state());
        assertEquals("-C", lamps.get(1));
        assertEquals(List.of("open 10/1", "open 30/0"), channelOps);

        talk(Duration.ofSeconds(2));
        calls.onTrunkCleared(trunk, Q850Cause.NORMAL_CLEARING);
        scheduler.runPending();
        assertEquals(AgentState.WRAP_UP, agent1.state());
        assertEquals(List.of("open 10/1", "open 30/0", "close 10/1", "close 30/0"), channelOps);
        assertEquals(1, recordings.size());
        assertTrue(recordings.get(0).endsWith(":400"),
                "recorded from the box's answer (recordIvr, the factory default): greeting, wait and 2 s of talk: " + recordings);
        assertEquals(List.of("call.started", "call.answered", "call.queued", "agent.state agent1",
                "call.offered agent1", "agent.state agent1", "agent.state agent1", "call.connected agent1",
                "agent.state agent1", "call.ended agent1", "recording.finished"), events);

        scheduler.advance(Duration.ofSeconds(config.queues().get(0).wrapUpS()));
        assertEquals(AgentState.READY, agent1.state());
        assertEquals("R-", lamps.get(1));
    }

    @Test
    void afterTheAgentHangsUpTheCallerRatesTheCallByKey() {
        FakeTrunk trunk = new FakeTrunk();
        calls.onIncoming(trunk);
        talk(Duration.ofSeconds(6));
        calls.onReadyButton(1);
        calls.onAnswerButton(1);
        scheduler.runPending();
        talk(Duration.ofSeconds(1));
        calls.onAnswerButton(1); // the agent hangs up
        assertEquals(AgentState.WRAP_UP, agent1.state(), "the agent is free of the call at once");
        assertEquals(Call.State.SURVEY, calls.calls().get(0).state());
        assertEquals(List.of("answer"), trunkActions, "the caller is still on the line");

        byte[] key = new io.branchbox.firmware.dsp.DtmfGenerator(-10).generate("1", 100, 100);
        for (int off = 0; off + 160 <= key.length; off += 160) {
            router.onFrame(SPAN0, 1, off / 160, key, off);
            scheduler.advance(Duration.ofMillis(20));
        }
        assertEquals(List.of("answer", "hangup 16"), trunkActions);
        assertTrue(events.contains("call.survey agent1"), events.toString());
        assertTrue(calls.calls().isEmpty());
        int recorded = Integer.parseInt(recordings.get(0).substring(recordings.get(0).indexOf(':') + 1));
        assertTrue(recorded > 50, "the recording goes on through the survey to the key press: " + recordings);
    }

    @Test
    void unansweredSurveyEndsTheCallWithoutARating() {
        calls.onIncoming(new FakeTrunk());
        talk(Duration.ofSeconds(6));
        calls.onReadyButton(1);
        calls.onAnswerButton(1);
        scheduler.runPending();
        calls.onAnswerButton(1);
        talk(Duration.ofSeconds(16));
        assertEquals(List.of("answer", "hangup 16"), trunkActions);
        assertTrue(events.stream().noneMatch(e -> e.startsWith("call.survey")));
    }

    @Test
    void aCallThatWaitedItsQueuesMaximumMovesToTheOverflowQueue() {
        BoxConfig d = NO_MENU;
        BoxConfig overflowing = d.withQueues(List.of(new BoxConfig.Queue("inquiry", BoxConfig.Strategy.LONGEST_IDLE, 12, 10, 30, "repair"),
                new BoxConfig.Queue("repair", BoxConfig.Strategy.LONGEST_IDLE, 12, 10, 600, "")));
        Acd acd = new Acd(overflowing.queues(), scheduler.clock());
        CallManager manager = new CallManager(overflowing, scheduler, acd, router, new CallControlPorts.Channels() {
            @Override
            public CompletableFuture<Void> open(int unit, int chan) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close(int unit, int chan) {}
        }, CallFixture::headset, (id, at) -> null, (type, callId, agentId, queue, attrs) -> events.add(type + " " + queue),
                (seat, ready, call) -> { }, new Prompts(Path.of("/nonexistent")));
        Agent repairman = new Agent("agent9", "Repair", 2, List.of("repair"), scheduler.clock().instant());
        manager.login(repairman);
        manager.onReadyButton(2); // ready, but only for repair: nobody takes inquiry calls
        manager.onIncoming(new FakeTrunk());
        talk(Duration.ofSeconds(6));
        assertEquals(Call.State.QUEUED, manager.calls().get(0).state());
        talk(Duration.ofSeconds(30));
        assertTrue(events.contains("call.overflow repair"), events.toString());
        assertEquals(AgentState.OFFERED, repairman.state(), "the repair agent is offered the overflowed call");
        assertEquals("repair", manager.calls().get(0).queue());
    }

    @Test
    void anAgentWhoMissesTwoOffersInARowIsSetNotReadyAndTheCallKeepsItsPlace() {
        calls.onIncoming(new FakeTrunk());
        talk(Duration.ofSeconds(6));
        calls.onReadyButton(1);
        assertEquals(AgentState.OFFERED, agent1.state());
        scheduler.advance(Duration.ofSeconds(config.queues().get(0).offerTimeoutS()));
        assertEquals(AgentState.OFFERED, agent1.state(), "one miss: still ready, and the only agent, so offered again");
        scheduler.advance(Duration.ofSeconds(config.queues().get(0).offerTimeoutS()));
        assertEquals(AgentState.NOT_READY, agent1.state(), "missedOffersToNotReady is 2");
        assertEquals(Call.State.QUEUED, calls.calls().get(0).state());
        assertEquals(List.of(calls.calls().get(0).id()), calls.acd().waiting("inquiry"));
        assertTrue(events.contains("call.offer_missed agent1"));
    }

    @Test
    void callerHangingUpWhileTheSeatRingsWithdrawsTheOffer() {
        FakeTrunk trunk = new FakeTrunk();
        calls.onIncoming(trunk);
        talk(Duration.ofSeconds(6));
        calls.onReadyButton(1);
        calls.onTrunkCleared(trunk, Q850Cause.NORMAL_CLEARING);
        assertEquals(AgentState.READY, agent1.state());
        assertTrue(calls.calls().isEmpty());
        assertEquals(1, recordings.size(), "the IVR and the wait are recorded (recordIvr, the factory default)");
    }

    @Test
    void boardRestartClearsEveryCallOnItsTrunk() {
        calls.onIncoming(new FakeTrunk());
        scheduler.runPending();
        calls.onBoardRestarted();
        assertEquals(List.of("answer", "hangup 41"), trunkActions);
        assertTrue(calls.calls().isEmpty());
        assertTrue(events.contains("call.ended"));
    }
}
