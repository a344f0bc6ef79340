package io.branchbox.rig.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.box.BoxLauncher;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.console.AgentConsole;
import io.branchbox.firmware.console.AgentSummary;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.firmware.store.CallRecordRepository;
import io.branchbox.rig.carrier.CarrierListener;
import io.branchbox.rig.carrier.OfferedCall;
import io.branchbox.rig.sim.SimulatedSite;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One box on the simulated site for a scenario: the real board link over a pseudo-terminal, the
 * carrier on span 0, the seat panels, and the agent console; a simulated person on every
 * B-channel of span 0 and on every headset of seats 1..4, and every journal event the box
 * appends from the start on.
 *
 * <p>The base document: agents agent1..agent4 at seats 1..4 in queues {@code inquiry} (number
 * 95598) and {@code other} (95599), both longest idle with 3 s offers and no wrap-up; a 0.4 s
 * greeting ({@code beep}), no menu, no survey, always open. Scenarios adjust it.
 *
 * <p>Threading: test thread; the journal listener and the carrier listener collect on their own
 * threads into concurrent lists.
 */
final class ScenarioSite implements AutoCloseable {
    static final int CALLER_MARK = 0x7A;
    static final int AGENT_MARK = 0x3C;
    static final Duration WAIT = Duration.ofSeconds(15);
    private static final int SPAN0 = Units.span(0);

    final SimulatedSite site;
    final BoxLauncher.Running box;
    final Path data;
    private final List<JournalEvent> events = new CopyOnWriteArrayList<>();
    private final List<OfferedCall> fromBox = new CopyOnWriteArrayList<>();
    private final Map<Integer, ScriptedCaller> lines = new HashMap<>();
    private final Map<Integer, ScriptedCaller> headsets = new HashMap<>();

    private ScenarioSite(Path data, UnaryOperator<BoxConfig> adjust, Clock clock) throws Exception {
        this.data = data;
        this.site = SimulatedSite.start(data);
        try {
            for (int ts = 1; ts <= 31; ts++) {
                if (ts != 16) {
                    ScriptedCaller c = new ScriptedCaller(CALLER_MARK, AGENT_MARK, 440);
                    lines.put(ts, c);
                    site.board().setAudioEndpoint(SPAN0, ts, c);
                }
            }
            for (int seat = 1; seat <= 4; seat++) {
                ScriptedCaller h = new ScriptedCaller(AGENT_MARK, CALLER_MARK, 660);
                headsets.put(seat, h);
                site.board().setAudioEndpoint(Units.headset(seat - 1), 0, h);
            }
            site.carrier().addListener(new CarrierListener() {
                @Override
                public void onCallFromBox(OfferedCall call) {
                    fromBox.add(call);
                }
            });
            BoxConfig config = adjust.apply(base(site));
            box = BoxLauncher.start(config, data, site.hardware(config).withClock(clock));
            box.runtime().journal().addListener(events::add);
            site.wireBoardLines();
            waitFor("layer 2 up between box and carrier", Duration.ofSeconds(20), site.carrier()::layer2Up);
        } catch (Exception | Error e) {
            site.close();
            throw e;
        }
    }

    static ScenarioSite start(Path data, UnaryOperator<BoxConfig> adjust) throws Exception {
        return new ScenarioSite(data, adjust, Clock.systemUTC());
    }

    /** As {@link #start(Path, UnaryOperator)}, the box on {@code clock} (a scripted week: {@code ScriptClock}). */
    static ScenarioSite start(Path data, UnaryOperator<BoxConfig> adjust, Clock clock) throws Exception {
        return new ScenarioSite(data, adjust, clock);
    }

    static BoxConfig base(SimulatedSite site) {
        BoxConfig d = site.config(null, 0, 60);
        List<String> queues = List.of("inquiry", "other");
        return d.withAgents(List.of(
                        new BoxConfig.Agent("agent1", "Agent 1", 1, queues),
                        new BoxConfig.Agent("agent2", "Agent 2", 2, queues),
                        new BoxConfig.Agent("agent3", "Agent 3", 3, queues),
                        new BoxConfig.Agent("agent4", "Agent 4", 4, queues)))
                .withQueues(List.of(queue("inquiry", BoxConfig.Strategy.LONGEST_IDLE),
                        queue("other", BoxConfig.Strategy.LONGEST_IDLE)))
                .withIvr(ivr(Map.of(), ""))
                .withConsole(new BoxConfig.Console(2, List.of("break", "meal"), List.of("answered", "complaint"), 3, 30))
                .withFxo(List.of())
                // the factory shift leads and the night/weekend rotations name agent5/6: this site has four agents
                .withWorkOrders(leads(d.workOrders(), "agent1", "agent3", "agent4"))
                .withShifts(d.shifts().stream().map(sh -> sh.rotation().leads().isEmpty() ? sh
                        : new BoxConfig.Shift(sh.id(), sh.name(), sh.start(), sh.end(), sh.days(), sh.cover(),
                                new BoxConfig.Rotation(sh.rotation().from(), sh.rotation().everyDays(),
                                        List.of("agent3", "agent4")))).toList());
    }

    private static BoxConfig.WorkOrders leads(BoxConfig.WorkOrders w, String... agents) {
        List<BoxConfig.ShiftLead> leads = new java.util.ArrayList<>();
        for (int i = 0; i < w.leads().size(); i++) {
            leads.add(new BoxConfig.ShiftLead(w.leads().get(i).shift(), agents[Math.min(i, agents.length - 1)]));
        }
        return new BoxConfig.WorkOrders(w.deadlines(), w.crews(), leads, w.crewPinFile(), w.crewNumber(),
                w.crewMenuCode());
    }

    /** A queue with 3 s offers, no wrap-up, no overflow. */
    static BoxConfig.Queue queue(String name, BoxConfig.Strategy strategy) {
        return new BoxConfig.Queue(name, strategy, 3, 0, 600, "", BoxConfig.Overflow.NONE, 0, "", 0, 0);
    }

    /** The base IVR (0.4 s greeting, no menu) with these priority callers and survey prompt ("" none). */
    static BoxConfig.Ivr ivr(Map<String, Integer> priorityCallers, String surveyPrompt) {
        return new BoxConfig.Ivr("beep", "inquiry", Map.of("95598", "inquiry", "95599", "other"), surveyPrompt, "",
                List.of(), priorityCallers, "default");
    }

    AgentConsole console() {
        return box.runtime().console();
    }

    /** Waits for a console action; fails the test with its error. */
    static <T> T ok(CompletableFuture<T> action) throws Exception {
        return action.get(5, TimeUnit.SECONDS);
    }

    /** A caller on timeslot {@code ts} dials {@code called}; returns when the box has answered (CONNECT). */
    OfferedCall call(String calling, String called, int ts) throws Exception {
        return site.carrier().offerCall(calling, called, ts).get(15, TimeUnit.SECONDS);
    }

    /** The caller's box call id, from its call.started event. */
    String callIdOf(String calling) throws InterruptedException {
        return await("call.started from " + calling, e -> e.type().equals(CallEventTypes.CALL_STARTED)
                && calling.equals(e.attr(CallEventTypes.CALLING))).callId();
    }

    /** The agent the {@code nth} (from 1) offer of {@code callId} rang at. */
    String offeredTo(String callId, int nth) throws InterruptedException {
        waitFor(nth + " offer(s) of " + callId, WAIT, () -> events(CallEventTypes.CALL_OFFERED, callId).size() >= nth);
        return events(CallEventTypes.CALL_OFFERED, callId).get(nth - 1).agentId();
    }

    ScriptedCaller line(int ts) {
        return lines.get(ts);
    }

    ScriptedCaller headset(int seat) {
        return headsets.get(seat);
    }

    /** Calls the box placed on the carrier (SETUPs it sent), oldest first. */
    List<OfferedCall> callsFromBox() {
        return List.copyOf(fromBox);
    }

    OfferedCall awaitCallFromBox(String called) throws InterruptedException {
        waitFor("a SETUP from the box to " + called, WAIT, () -> fromBox.stream().anyMatch(c -> c.called().equals(called)));
        return fromBox.stream().filter(c -> c.called().equals(called)).findFirst().orElseThrow();
    }

    List<JournalEvent> events() {
        return List.copyOf(events);
    }

    List<JournalEvent> events(String type, String callId) {
        return events.stream().filter(e -> e.type().equals(type) && callId.equals(e.callId())).toList();
    }

    JournalEvent await(String what, Predicate<JournalEvent> p) throws InterruptedException {
        waitFor(what, WAIT, () -> events.stream().anyMatch(p));
        return events.stream().filter(p).findFirst().orElseThrow();
    }

    JournalEvent await(String type, String callId) throws InterruptedException {
        return await(type + " of " + callId, e -> e.type().equals(type) && callId.equals(e.callId()));
    }

    /**
     * Waits until {@code agentId} has entered {@code state} at least once, whatever came after:
     * with a wrap-up of 0 s the WRAP_UP state lasts microseconds, too short for the last-state
     * poll of {@link #awaitAgent} to see.
     */
    JournalEvent awaitAgentEntered(String agentId, String state) throws InterruptedException {
        return await(agentId + " entering " + state, e -> e.type().equals(CallEventTypes.AGENT_STATE)
                && agentId.equals(e.agentId()) && state.equals(e.attr(CallEventTypes.STATE)));
    }

    /** Waits until {@code agentId}'s last agent.state event says {@code state}. */
    JournalEvent awaitAgent(String agentId, String state) throws InterruptedException {
        waitFor(agentId + " " + state, WAIT, () -> state.equals(lastState(agentId).map(e -> e.attr(CallEventTypes.STATE)).orElse("")));
        return lastState(agentId).orElseThrow();
    }

    private Optional<JournalEvent> lastState(String agentId) {
        List<JournalEvent> s = events.stream()
                .filter(e -> e.type().equals(CallEventTypes.AGENT_STATE) && agentId.equals(e.agentId())).toList();
        return s.isEmpty() ? Optional.empty() : Optional.of(s.get(s.size() - 1));
    }

    /** The agent's state as the console lists it. */
    String state(String agentId) throws Exception {
        return ok(console().agents()).stream().filter(a -> a.agentId().equals(agentId)).map(AgentSummary::state)
                .findFirst().orElse("?");
    }

    /** The call's record once it is over (and, if {@code recorded}, once its recording is in). */
    CallRecord record(String callId, boolean recorded) throws Exception {
        CallRecordRepository records = new CallRecordRepository(box.runtime().dataSource());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<CallRecord> r = records.find(callId);
            if (r.isPresent() && r.get().disposition() != CallDisposition.IN_PROGRESS
                    && (!recorded || r.get().recordingFile() != null)) {
                return r.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no finished call record for " + callId + ": " + records.find(callId));
    }

    /**
     * Checks the call's one recording: a WAV whose RIFF, fact and data sizes match the file, stereo
     * A-law, as long as the record says; returns it for the channel checks.
     */
    Recorded recording(CallRecord r) throws IOException, InterruptedException {
        await(CallEventTypes.RECORDING_FINISHED, r.callId()); // the database projector may see it first
        assertEquals(1, events(CallEventTypes.RECORDING_FINISHED, r.callId()).size(),
                "one recording for the whole call " + r.callId());
        Path wav = data.resolve("recordings").resolve(r.recordingFile());
        byte[] bytes = Files.readAllBytes(wav);
        ByteBuffer h = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(bytes.length - 8, h.getInt(4), "RIFF size");
        assertEquals(6, h.getShort(20), "A-law");
        assertEquals(2, h.getShort(22), "stereo");
        assertEquals("data", new String(bytes, 50, 4, java.nio.charset.StandardCharsets.US_ASCII));
        long dataBytes = Integer.toUnsignedLong(h.getInt(54));
        assertEquals(bytes.length - 58, dataBytes, "data size in the header matches the file");
        assertEquals(dataBytes / 2, Integer.toUnsignedLong(h.getInt(46)), "fact: samples per channel");
        assertTrue(dataBytes > 0, "audio in " + wav);
        long durationMs = dataBytes / 16;
        assertEquals(durationMs, r.recordingDurationMs(), "the record's duration is the file's");
        return new Recorded(bytes, durationMs);
    }

    /** A finished recording: its bytes and length. */
    record Recorded(byte[] bytes, long durationMs) {
        /** 20 ms frames in the file. */
        int frames() {
            return (bytes.length - 58) / 320;
        }

        /** Frames whose first left sample carries {@code mark}. */
        int left(int mark) {
            return count(0, mark, 0, frames());
        }

        /** Frames whose first right sample carries {@code mark}. */
        int right(int mark) {
            return count(1, mark, 0, frames());
        }

        /** Frames in [{@code from}, {@code to}) whose first sample on {@code side} (0 left, 1 right) carries {@code mark}. */
        int count(int side, int mark, int from, int to) {
            int n = 0;
            for (int f = Math.max(0, from); f < Math.min(to, frames()); f++) {
                n += bytes[58 + f * 320 + side] == (byte) mark ? 1 : 0;
            }
            return n;
        }
    }

    static void waitFor(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        try {
            box.close();
        } finally {
            site.close();
        }
    }
}
