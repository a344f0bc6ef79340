package io.branchbox.firmware.runtime;

import io.branchbox.drivers.cb1.link.BoardIdentity;
import io.branchbox.drivers.cb1.link.BoardLink;
import io.branchbox.drivers.cb1.link.LinkCounters;
import io.branchbox.drivers.cb1.msg.SpanStatus;
import io.branchbox.firmware.acd.Acd;
import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.audio.AudioRouter;
import io.branchbox.firmware.call.Call;
import io.branchbox.firmware.call.CallManager;
import io.branchbox.firmware.isdn.q931.BChannels;
import io.branchbox.firmware.trunk.PriSpan;
import io.branchbox.firmware.trunk.fxo.FxoLine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.branchbox.firmware.stats.LiveQueueStats;
import io.branchbox.firmware.stats.QueueNow;
import java.util.function.Supplier;

/**
 * Builds a {@link BoxSnapshot} from the live parts of the box.
 *
 * <p>Threading: {@link #take} must run on the signalling thread, which owns call control, the ACD
 * and the spans.
 */
final class SnapshotTaker {
    private final Clock clock;
    private final Instant startedAt;
    private final BoardLink link;
    private final AudioRouter router;
    private final Supplier<BoardIdentity> identity;
    private final Collection<PriSpan> spans;
    private final Collection<FxoLine> fxo;
    private final CallManager calls;
    private final Supplier<BoxSnapshot.RecordingInfo> recording;
    private final Supplier<BoxSnapshot.Uplink> uplink;

    private final LiveQueueStats queueStats;

    SnapshotTaker(Clock clock, BoardLink link, AudioRouter router, Supplier<BoardIdentity> identity, Collection<PriSpan> spans, Collection<FxoLine> fxo,
            CallManager calls, Supplier<BoxSnapshot.RecordingInfo> recording, Supplier<BoxSnapshot.Uplink> uplink,
            LiveQueueStats queueStats) {
        this.queueStats = queueStats;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.link = link;
        this.router = router;
        this.identity = identity;
        this.spans = spans;
        this.fxo = fxo;
        this.calls = calls;
        this.recording = recording;
        this.uplink = uplink;
    }

    BoxSnapshot take() {
        Instant now = clock.instant();
        return new BoxSnapshot(now, startedAt, board(), spans(),
                fxo.stream().map(l -> new BoxSnapshot.FxoInfo(l.port(), l.state(), l.lineUp())).toList(),
                calls(), queues(now), agents(), recording.get(), uplink.get());
    }

    private BoxSnapshot.Board board() {
        BoardIdentity id = identity.get();
        LinkCounters c = link.counters();
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("framesIn", c.framesIn());
        counters.put("framesOut", c.framesOut());
        counters.put("badFcs", c.badFcs());
        counters.put("otherDrops", c.otherDrops());
        counters.put("resends", c.resends());
        counters.put("ackTimeouts", c.ackTimeouts());
        counters.put("resets", c.resets());
        counters.put("pongLatencyLastMicros", c.pongLatencyLastMicros());
        counters.put("pongLatencyMaxMicros", c.pongLatencyMaxMicros());
        counters.put("audioIn", c.audioIn());
        counters.put("audioOut", c.audioOut());
        counters.put("audioDrops", c.audioDrops());
        // host side of the audio path: frames the box had nothing fresh to send (peer late) or dropped (peer early)
        counters.put("audioUnderruns", router.stats().stream().mapToLong(AudioRouter.ChannelStats::underruns).sum());
        counters.put("audioOverruns", router.stats().stream().mapToLong(AudioRouter.ChannelStats::overruns).sum());
        counters.put("audioChannelsOpen", (long) router.stats().size());
        counters.put("audioStrayFrames", router.strayFrames());
        c.lastHealth().ifPresent(h -> {
            counters.put("temperatureTenthsC", (long) h.tempTenths());
            counters.put("supplyMillivolts", (long) h.vinMv());
            counters.put("boardUptimeS", h.uptimeS());
            counters.put("boardRxBad", h.rxBad());
            counters.put("boardTxOverruns", h.txOverruns());
        });
        return new BoxSnapshot.Board(link.status().state().name(), link.status().reason(),
                id == null ? "" : id.serial(), id == null ? "" : id.firmware(), counters);
    }

    private List<BoxSnapshot.Span> spans() {
        List<BoxSnapshot.Span> list = new ArrayList<>();
        for (PriSpan s : spans) {
            Map<Integer, BChannels.ChannelState> ch = s.q931().channels().snapshot();
            int busy = count(ch, BChannels.ChannelState.BUSY);
            int blocked = count(ch, BChannels.ChannelState.BLOCKED) + count(ch, BChannels.ChannelState.RESTARTING);
            List<String> alarms = s.alarms() <= 0 ? List.of() : List.of(SpanStatus.alarmNames(s.alarms()).split(",\\s*"));
            list.add(new BoxSnapshot.Span(s.span(), s.alarms() >= 0, s.layer1Up(), s.layer2Up(), alarms,
                    busy, count(ch, BChannels.ChannelState.IDLE), blocked, s.restartUnacknowledged(), s.refusalsByCause()));
        }
        return list;
    }

    /**
     * Each configured span's B-channels by timeslot, as state names (IDLE, BUSY, BLOCKED,
     * RESTARTING), for the technician's channel grid. Signalling thread.
     */
    Map<Integer, Map<Integer, String>> channels() {
        Map<Integer, Map<Integer, String>> out = new java.util.TreeMap<>();
        for (PriSpan s : spans) {
            Map<Integer, String> states = new java.util.TreeMap<>();
            s.q931().channels().snapshot().forEach((ts, state) -> states.put(ts, state.name()));
            out.put(s.span(), java.util.Collections.unmodifiableMap(states));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static int count(Map<Integer, BChannels.ChannelState> m, BChannels.ChannelState s) {
        return (int) m.values().stream().filter(v -> v == s).count();
    }

    private List<BoxSnapshot.CallInfo> calls() {
        List<BoxSnapshot.CallInfo> list = new ArrayList<>();
        for (Call c : calls.calls()) {
            // an outbound call has no trunk until the far end answers
            boolean dialling = c.trunk() == null;
            list.add(new BoxSnapshot.CallInfo(c.id(), dialling ? "" : c.trunk().trunk(),
                    dialling ? "" : c.trunk().callingNumber(), dialling ? "" : c.trunk().calledNumber(),
                    c.state().name(), c.queue(),
                    c.agent() == null ? null : c.agent().id(), c.stateSince()));
        }
        return list;
    }

    private List<BoxSnapshot.QueueInfo> queues(Instant now) {
        Acd acd = calls.acd();
        Map<String, Call> byId = new LinkedHashMap<>();
        calls.calls().forEach(c -> byId.put(c.id(), c));
        List<BoxSnapshot.QueueInfo> list = new ArrayList<>();
        Map<String, QueueNow> live = queueStats.snapshot(now);
        for (String q : acd.queueNames()) {
            List<String> waiting = acd.waiting(q);
            long longest = waiting.stream().map(byId::get).filter(c -> c != null)
                    .mapToLong(c -> Duration.between(c.stateSince(), now).toSeconds()).max().orElse(0);
            QueueNow today = live.get(q);
            list.add(today == null ? new BoxSnapshot.QueueInfo(q, waiting.size(), longest, 0, 0, 0, 100)
                    : new BoxSnapshot.QueueInfo(q, waiting.size(), longest, today.offered(), today.answered(),
                            today.abandoned(), today.serviceLevelPercent()));
        }
        return list;
    }

    private List<BoxSnapshot.AgentInfo> agents() {
        List<BoxSnapshot.AgentInfo> list = new ArrayList<>();
        for (Agent a : calls.acd().agents()) {
            list.add(new BoxSnapshot.AgentInfo(a.id(), a.name(), a.seat(), a.state().name(), a.since(), a.callsHandled()));
        }
        return list;
    }
}
