package io.branchbox.firmware.call;

import io.branchbox.firmware.audio.AudioChannel;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The narrow interfaces through which call control reaches the rest of the box, so that it can be
 * tested with plain fakes and wired to the board, the recorder and the journal in one place
 * ({@code BoxRuntime}).
 */
public final class CallControlPorts {
    private CallControlPorts() {}

    /** Opens and closes board audio channels (CHAN_OPEN / CHAN_CLOSE with acknowledgement). */
    public interface Channels {
        /** Completes when the board acknowledged; fails with the reason otherwise. */
        CompletableFuture<Void> open(int unit, int chan);

        void close(int unit, int chan);
    }

    /**
     * The agents' seats as the board addresses them: which board unit carries seat {@code n}'s
     * headset audio. The addressing is the board's (drivers' {@code Units.headset}), so call
     * control never computes a unit; the seat count's one owner is the board's headset count
     * ({@code Units.MAX_HEADSETS}, which {@code ConfigValidator.MAX_SEATS} is).
     */
    public interface Seats {
        /** Board unit of seat {@code seat}'s headset (seats count from 1); channel 0 carries its audio. */
        int headsetUnit(int seat);
    }

    /** Starts the recording of a call. */
    public interface Recorder {
        Session start(String callId, Instant startedAt);
    }

    /** A running recording: fed on the audio path as a tap, finished on the signalling thread. */
    public interface Session extends AudioChannel.FrameTap {
        CompletableFuture<Result> finish();
    }

    /** A finished recording. */
    public record Result(String file, long durationMs, String sha256) {}

    /** The append-only event journal: the one truth that call records and statistics derive from. */
    public interface Events {
        void append(String type, String callId, String agentId, String queue, Map<String, String> attrs);
    }

    /**
     * Places outbound calls on the trunks (the PRI dialer with its channel selection and retries).
     * The future completes on the signalling thread.
     */
    public interface Dialer {
        /** No trunk to dial on: every dial fails at once. */
        Dialer NONE = (callId, number, onCleared) -> CompletableFuture.failedFuture(
                new IllegalStateException("no trunk for outbound calls is configured"));

        /**
         * Dials {@code number} for call {@code callId}; completes with the answered far side, or
         * fails with the reason (every attempt is journaled by the dialer). {@code onCleared}
         * receives the Q.850 cause when the far side clears after answering.
         */
        CompletableFuture<TrunkCall> dial(String callId, String number,
                java.util.function.Consumer<io.branchbox.firmware.isdn.q931.Q850Cause> onCleared);
    }

    /** The seat panel lamps (READY green, CALL red). */
    public interface SeatLamps {
        void set(int seat, boolean ready, boolean call);
    }
}
