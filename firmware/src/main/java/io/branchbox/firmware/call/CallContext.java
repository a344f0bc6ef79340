package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Acd;
import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.audio.AudioChannel;
import io.branchbox.firmware.audio.AudioRouter;
import io.branchbox.firmware.audio.Prompts;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.time.Scheduler;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What the parts of call control share: the configuration, the clock, the ACD, the audio path,
 * the board's channels, the recorder, the journal, the lamps, the prompts, and the table of
 * calls in progress. One instance per box, built by {@link CallManager}.
 *
 * <p>Not thread-safe: signalling thread only.
 */
final class CallContext {
    /** The live configuration; replaced as a whole by {@link CallManager#reconfigure}. */
    BoxConfig config;
    final Scheduler scheduler;
    final Acd acd;
    final AudioRouter router;
    final CallControlPorts.Channels channels;
    final CallControlPorts.Seats seats;
    final CallControlPorts.Recorder recorder;
    final CallEventLog events;
    final SeatLampDriver lamps;
    final Prompts prompts;
    final CallIds ids;
    final Map<String, Call> calls = new LinkedHashMap<>();
    final Map<TrunkCall, Call> byTrunk = new LinkedHashMap<>();
    /** The crew IVR's work orders, or null while no crew line is enabled. */
    io.branchbox.firmware.ivr.CrewDesk crewDesk;
    /**
     * Agents who were not ready (with this reason) when a colleague's call reached them or they
     * dialled out themselves: after that call they go back to not ready, not to the queues.
     */
    final Map<Agent, String> resumeNotReady = new java.util.HashMap<>();
    /** The last call each agent talked in, for the wrap-up code (kept until the next one). */
    final Map<Agent, String> lastCall = new java.util.HashMap<>();

    CallContext(BoxConfig config, Scheduler scheduler, Acd acd, AudioRouter router, CallControlPorts.Channels channels,
            CallControlPorts.Seats seats, CallControlPorts.Recorder recorder, CallControlPorts.Events events, CallControlPorts.SeatLamps lamps,
            Prompts prompts) {
        this.config = config;
        this.scheduler = scheduler;
        this.acd = acd;
        this.router = router;
        this.channels = channels;
        this.seats = seats;
        this.recorder = recorder;
        this.events = new CallEventLog(events);
        this.lamps = new SeatLampDriver(lamps, acd, scheduler);
        this.prompts = prompts;
        this.ids = new CallIds(scheduler.clock(), java.time.ZoneId.of(config.site().timezone()));
    }

    Instant now() {
        return scheduler.clock().instant();
    }

    /** Rings {@code a} for a call outside the queues (transfer, consultation, internal call), remembering a not-ready reason. */
    void offerDirect(Agent a, String callId) {
        if (a.state() == AgentState.NOT_READY) {
            resumeNotReady.put(a, a.reasonCode());
        }
        acd.offerDirect(a, callId);
    }

    /** Board unit of a seat's headset port, as the board addresses it ({@link CallControlPorts.Seats}). */
    int seatUnit(int seat) {
        return seats.headsetUnit(seat);
    }

    void setAgent(Agent a, AgentState s, String reason) {
        if (s == AgentState.ON_CALL && a.callId() != null) {
            lastCall.put(a, a.callId());
        }
        acd.setState(a, s);
        events.agentState(a, reason);
        lamps.update(a);
    }

    /**
     * Opens {@code a}'s headset channel on the board; completes on the signalling thread with the
     * routed channel, or fails with the board's reason.
     */
    CompletableFuture<AudioChannel> openSeat(Agent a) {
        return openChannel(seatUnit(a.seat()), 0);
    }

    /**
     * Opens a board channel (CHAN_OPEN, acknowledged) and routes it; completes on the signalling
     * thread with the routed channel, or fails with the board's reason.
     */
    CompletableFuture<AudioChannel> openChannel(int unit, int chan) {
        CompletableFuture<AudioChannel> opened = new CompletableFuture<>();
        channels.open(unit, chan).whenComplete((ok, err) -> scheduler.execute(() -> {
            if (err != null) {
                opened.completeExceptionally(err);
            } else {
                opened.complete(router.open(unit, chan));
            }
        }));
        return opened;
    }

    /** Closes a headset (or any) channel opened for a call; null is ignored. */
    void close(AudioChannel c) {
        if (c != null) {
            router.close(c.unit(), c.chan());
            channels.close(c.unit(), c.chan());
        }
    }

    void register(Call call) {
        calls.put(call.id(), call);
        if (call.trunk() != null) {
            byTrunk.put(call.trunk(), call);
        }
    }

    void unregister(Call call) {
        calls.remove(call.id());
        if (call.trunk() != null) {
            byTrunk.remove(call.trunk());
        }
    }

    /** The call an agent is busy with (offered, talking, consulted, originating), or null. */
    Call callOf(Agent a) {
        return a.callId() == null ? null : calls.get(a.callId());
    }
}
