package io.branchbox.rig.exchange;

import java.util.List;

/**
 * What the far end of a simulated call does once the call is answered, step by step.
 *
 * <p>Immutable records; {@link ExchangeSimulator} plays them on its scheduler.
 */
public sealed interface Script {

    /** Talks (speech-like audio) for {@code ms}. */
    record Talk(int ms) implements Script {}

    /** Presses {@code digits} on the keypad. */
    record Press(String digits) implements Script {}

    /** Says nothing for {@code ms}. */
    record Pause(int ms) implements Script {}

    /** Hums a busy-like 450 Hz pattern for {@code ms} (the voice-guard test). */
    record Hum(int ms) implements Script {}

    /** Hangs up; the exchange tells the line the way {@code how} says. */
    record HangUp(Disconnect how) implements Script {}

    /** How the exchange signals that the far end has gone. */
    enum Disconnect {
        /** Loop current removed: the board reports LOOP_OPEN. */
        LOOP_DROP,
        /** Battery reversed: POLARITY_REVERSAL. */
        POLARITY_REVERSAL,
        /** Nothing electrical; busy tone on the line (the common case in China). */
        BUSY_TONE,
        /** Nothing electrical; congestion tone on the line. */
        CONGESTION_TONE
    }

    /** A call offered to a line: caller ID, ring cadence, and what the caller does once answered. */
    record IncomingCall(String number, String name, CallerIdMethod callerId, int ringOnMs, int ringOffMs, int maxRings,
            List<Script> afterAnswer) {
        public IncomingCall {
            afterAnswer = List.copyOf(afterAnswer);
        }

        /** 1 s on / 4 s off, rings up to 10 times. */
        public static IncomingCall of(String number, CallerIdMethod cid, Script... steps) {
            return new IncomingCall(number, null, cid, 1000, 4000, 10, List.of(steps));
        }

        public IncomingCall withCadence(int onMs, int offMs) {
            return new IncomingCall(number, name, callerId, onMs, offMs, maxRings, afterAnswer);
        }

        public IncomingCall withMaxRings(int rings) {
            return new IncomingCall(number, name, callerId, ringOnMs, ringOffMs, rings, afterAnswer);
        }

        public IncomingCall withName(String callerName) {
            return new IncomingCall(number, callerName, callerId, ringOnMs, ringOffMs, maxRings, afterAnswer);
        }
    }

    /** How the exchange sends caller ID. */
    enum CallerIdMethod {
        NONE,
        FSK_BELL_202,
        FSK_V23,
        DTMF
    }

    /** What a dialled number does when the line calls it. */
    record Callee(Outcome outcome, int answerAfterMs, boolean reversalOnAnswer, List<Script> afterAnswer) {
        public Callee {
            afterAnswer = List.copyOf(afterAnswer);
        }

        public static Callee answers(int afterMs, boolean reversal, Script... steps) {
            return new Callee(Outcome.ANSWER, afterMs, reversal, List.of(steps));
        }

        public static Callee busy() {
            return new Callee(Outcome.BUSY, 0, false, List.of());
        }

        public static Callee congestion() {
            return new Callee(Outcome.CONGESTION, 0, false, List.of());
        }
    }

    /** The exchange's verdict on a dialled number. */
    enum Outcome {
        ANSWER,
        BUSY,
        CONGESTION
    }
}
