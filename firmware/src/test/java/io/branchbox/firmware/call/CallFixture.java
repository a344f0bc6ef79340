package io.branchbox.firmware.call;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.acd.Acd;
import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.audio.AudioRouter;
import io.branchbox.firmware.audio.Prompts;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.time.ManualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Call control on fakes, in virtual time: a board whose channels always open, a recorder that
 * counts frames, a journal that keeps "type agent" strings, and a dialer the test answers or
 * fails. Agents agent1..agent3 are logged in, not ready, at seats 1..3.
 */
final class CallFixture {
    static final int SPAN0 = 0x10;

    /** The seats port as the board adapter answers it: the datasheet's headset addressing, from drivers. */
    static int headset(int seat) {
        return io.branchbox.drivers.cb1.msg.Units.headset(seat - 1);
    }

    final ManualScheduler scheduler;
    /** Every event call control appends, as the journal would hold it (time from the scheduler). */
    java.util.function.Consumer<io.branchbox.firmware.journal.JournalEvent> journal = e -> { };
    final BoxConfig config;
    final List<String> events = new ArrayList<>();
    final List<Map<String, String>> eventAttrs = new ArrayList<>();
    final List<String> trunkActions = new ArrayList<>();
    final List<String> channelOps = new ArrayList<>();
    final Map<Integer, String> lamps = new HashMap<>();
    final List<String> recordings = new ArrayList<>();
    final List<String> dialled = new ArrayList<>();
    /** Board units whose CHAN_OPEN the board refuses (a headset fault). */
    final java.util.Set<Integer> failingUnits = new java.util.HashSet<>();
    /** Channels ("30/0", unit in hex) whose CHAN_OPEN the board answers only when the test completes {@link #heldOpens}. */
    final java.util.Set<String> slowOpens = new java.util.HashSet<>();
    final Map<String, CompletableFuture<Void>> heldOpens = new HashMap<>();
    CompletableFuture<TrunkCall> dialResult = new CompletableFuture<>();
    /** The last frame sent on each channel ("unit/chan"), to hear what each side hears. */
    final Map<String, byte[]> sent = new HashMap<>();
    final AudioRouter router = new AudioRouter((u, c, n, a, o) -> sent.put(u + "/" + c, java.util.Arrays.copyOfRange(a, o, o + 160)));
    final CallManager calls;
    final List<Agent> agents = new ArrayList<>();
    int recordingsStarted;

    /** A caller on span 0. */
    final class Trunk implements TrunkCall {
        final int ts;
        final String calling;
        final String called;

        Trunk(int ts, String calling, String called) {
            this.ts = ts;
            this.calling = calling;
            this.called = called;
        }

        @Override public String trunk() { return "span0/ts" + ts; }
        @Override public int audioUnit() { return SPAN0; }
        @Override public int audioChan() { return ts; }
        @Override public String callingNumber() { return calling; }
        @Override public String calledNumber() { return called; }
        @Override public void answer() { trunkActions.add("answer ts" + ts); }
        @Override public void hangup(Q850Cause cause) { trunkActions.add("hangup ts" + ts + " " + cause); }
    }

    CallFixture() {
        this(ConfigDocuments.defaults().withIvr(new BoxConfig.Ivr("greeting", "inquiry", java.util.Map.of("95598", "inquiry"),
                "survey")));
    }

    CallFixture(BoxConfig config) {
        this(config, Path.of("/nonexistent"));
    }

    /** With the site prompt sets under {@code promptRoot} (the built-in set is always there). */
    CallFixture(BoxConfig config, Path promptRoot) {
        this(config, promptRoot, new ManualScheduler());
    }

    /** In virtual time from {@code scheduler}'s start (a box started later, after a restart). */
    CallFixture(BoxConfig config, Path promptRoot, ManualScheduler scheduler) {
        this.config = config;
        this.scheduler = scheduler;
        CallControlPorts.Channels channels = new CallControlPorts.Channels() {
            @Override
            public CompletableFuture<Void> open(int unit, int chan) {
                channelOps.add("open " + Integer.toHexString(unit) + "/" + chan);
                String key = Integer.toHexString(unit) + "/" + chan;
                if (slowOpens.contains(key)) {
                    CompletableFuture<Void> later = new CompletableFuture<>();
                    heldOpens.put(key, later);
                    return later;
                }
                if (failingUnits.contains(unit)) {
                    return CompletableFuture.failedFuture(new java.io.IOException("CHAN_OPEN refused on unit " + unit));
                }
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close(int unit, int chan) {
                channelOps.add("close " + Integer.toHexString(unit) + "/" + chan);
            }
        };
        CallControlPorts.Recorder recorder = (id, at) -> {
            recordingsStarted++;
            return new CallControlPorts.Session() {
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
        };
        Acd acd = new Acd(config.queues(), scheduler.clock());
        CallControlPorts.Dialer dialer = (callId, number, onCleared) -> {
            dialled.add(number);
            return dialResult;
        };
        calls = new CallManager(config, scheduler, acd, router, channels, CallFixture::headset, recorder,
                (type, callId, agentId, queue, attrs) -> {
                    events.add(type + (agentId == null ? "" : " " + agentId));
                    eventAttrs.add(attrs);
                    journal.accept(io.branchbox.firmware.journal.JournalEvent.of(scheduler.clock().instant(), type, callId,
                            agentId, queue, attrs));
                },
                (seat, ready, call) -> lamps.put(seat, (ready ? "R" : "-") + (call ? "C" : "-")),
                new Prompts(promptRoot), dialer);
        for (int seat = 1; seat <= 3; seat++) {
            Agent a = new Agent("agent" + seat, "Agent " + seat, seat, List.of("inquiry", "repair"), scheduler.clock().instant());
            calls.login(a);
            agents.add(a);
        }
        events.clear();
        eventAttrs.clear();
    }

    Agent agent(int seat) {
        return agents.get(seat - 1);
    }

    /** Feeds frames on the trunk timeslots given, every 20 ms of virtual time. */
    void talk(Duration d, int... timeslots) {
        for (long t = 0; t < d.toMillis(); t += 20) {
            for (int ts : timeslots) {
                router.onFrame(SPAN0, ts, (int) (t / 20), new byte[160], 0);
            }
            scheduler.advance(Duration.ofMillis(20));
        }
    }

    /** A caller on {@code ts} who got through the greeting and is talking to {@code seat}'s agent. */
    Trunk connectedCall(int ts, int seat) {
        Trunk t = new Trunk(ts, "1380013800" + ts, "95598");
        calls.onIncoming(t);
        talk(Duration.ofSeconds(6), ts);
        calls.onReadyButton(seat);
        calls.onAnswerButton(seat);
        scheduler.runPending();
        return t;
    }

    /** The caller on {@code ts} presses {@code digits} (DTMF, 100 ms on, 100 ms off), then silence follows. */
    void press(int ts, String digits) {
        byte[] tones = new io.branchbox.firmware.dsp.DtmfGenerator(-10).generate(digits, 100, 100);
        for (int off = 0; off + 160 <= tones.length; off += 160) {
            router.onFrame(SPAN0, ts, 0, tones, off);
            scheduler.advance(Duration.ofMillis(20));
        }
        talk(Duration.ofMillis(200), ts);
    }

    Call only() {
        return calls.calls().get(0);
    }

    List<String> eventsSince(int from) {
        return List.copyOf(events.subList(from, events.size()));
    }
}
