package io.branchbox.firmware.trunk.fxo;

import io.branchbox.firmware.dsp.CallerIdReceiver;
import io.branchbox.firmware.dsp.TonePlan;
import java.util.Objects;

/**
 * Settings of one analogue line. {@link #defaults(int)} suits a Chinese exchange line (25 Hz ring
 * 1 s on / 4 s off, FSK caller ID between the first and second ring, 450 Hz tones).
 *
 * @param port FXO port 0..7
 * @param ringsToAnswer rings counted before the call is offered to call control (at least 1)
 * @param callerId how the exchange sends caller ID on this line
 * @param tones the country's call-progress tones
 * @param minRingMs a ring burst shorter than this is a glitch, not a ring
 * @param maxRingMs a ring burst longer than this is logged as off-cadence (still counted)
 * @param ringGapTimeoutMs ringing has stopped (caller gave up) when no ring starts this long after one ended
 * @param dialToneTimeoutMs outgoing: no dial tone recognised this long after going off-hook fails the call
 * @param answerTimeoutMs outgoing: after dialling, how long to wait for answer supervision
 * @param answerOnTimeout outgoing: true when the line gives no polarity reversal, so the call counts
 *     as answered once {@code answerTimeoutMs} passes without a busy or congestion tone
 * @param disconnectToneConfirmMs a busy or congestion tone must keep going this long after the
 *     tone detector recognised it before the line is dropped (voice guard)
 * @param maxVoiceFraction the share of frames in that window that may look like voice (loud but
 *     not a pure tone) before the tone is taken for speech and ignored
 * @param flashMs hook flash length
 * @param dtmfOnMs dialled DTMF digit length
 * @param dtmfOffMs pause between dialled digits
 * @param dtmfDbm0 level of each dialled tone
 * @param minLineVoltsTenths a LINE_UP below this tip-ring voltage (×10) still counts as a dead line
 */
public record FxoConfig(
        int port,
        int ringsToAnswer,
        CallerIdMode callerId,
        TonePlan tones,
        int minRingMs,
        int maxRingMs,
        int ringGapTimeoutMs,
        int dialToneTimeoutMs,
        int answerTimeoutMs,
        boolean answerOnTimeout,
        int disconnectToneConfirmMs,
        double maxVoiceFraction,
        int flashMs,
        int dtmfOnMs,
        int dtmfOffMs,
        double dtmfDbm0,
        int minLineVoltsTenths) {

    /** How caller ID arrives on a line. */
    public enum CallerIdMode {
        NONE,
        /** Bell 202 FSK between the first and second ring (China YDN 069, GR-30). */
        FSK_BELL_202,
        /** V.23 FSK between the first and second ring (ETSI EN 300 659). */
        FSK_V23,
        /** DTMF before the first ring: the channel stays open while the line is idle. */
        DTMF;

        /** The receiver for this mode, or null for {@link #NONE}. */
        public CallerIdReceiver.LineType receiverType() {
            return switch (this) {
                case NONE -> null;
                case FSK_BELL_202 -> CallerIdReceiver.LineType.BELL_202;
                case FSK_V23 -> CallerIdReceiver.LineType.V23;
                case DTMF -> CallerIdReceiver.LineType.DTMF;
            };
        }
    }

    public FxoConfig {
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(tones, "tones");
        if (port < 0 || port > 7) {
            throw new IllegalArgumentException("FXO port " + port + " outside 0..7");
        }
        if (ringsToAnswer < 1) {
            throw new IllegalArgumentException("ringsToAnswer must be at least 1");
        }
        for (String t : new String[] {"dial", "busy", "congestion"}) {
            if (tones.tone(t).isEmpty()) {
                throw new IllegalArgumentException("tone plan lacks '" + t + "'");
            }
        }
    }

    /** Chinese exchange line on {@code port}: answer after 2 rings, Bell 202 caller ID. */
    public static FxoConfig defaults(int port) {
        return new FxoConfig(port, 2, CallerIdMode.FSK_BELL_202, TonePlan.china(),
                150, 2500, 6500, 5000, 30000, false, 2100, 0.10, 100, 100, 100, -8.0, 100);
    }

    public FxoConfig withRingsToAnswer(int rings) {
        return new FxoConfig(port, rings, callerId, tones, minRingMs, maxRingMs, ringGapTimeoutMs, dialToneTimeoutMs,
                answerTimeoutMs, answerOnTimeout, disconnectToneConfirmMs, maxVoiceFraction, flashMs, dtmfOnMs,
                dtmfOffMs, dtmfDbm0, minLineVoltsTenths);
    }

    public FxoConfig withCallerId(CallerIdMode mode) {
        return new FxoConfig(port, ringsToAnswer, mode, tones, minRingMs, maxRingMs, ringGapTimeoutMs, dialToneTimeoutMs,
                answerTimeoutMs, answerOnTimeout, disconnectToneConfirmMs, maxVoiceFraction, flashMs, dtmfOnMs,
                dtmfOffMs, dtmfDbm0, minLineVoltsTenths);
    }

    public FxoConfig withAnswerOnTimeout(boolean onTimeout, int timeoutMs) {
        return new FxoConfig(port, ringsToAnswer, callerId, tones, minRingMs, maxRingMs, ringGapTimeoutMs,
                dialToneTimeoutMs, timeoutMs, onTimeout, disconnectToneConfirmMs, maxVoiceFraction, flashMs, dtmfOnMs,
                dtmfOffMs, dtmfDbm0, minLineVoltsTenths);
    }

    /** How long a busy or congestion tone must go on during a call before the line hangs up. */
    public FxoConfig withDisconnectToneMs(int ms) {
        return new FxoConfig(port, ringsToAnswer, callerId, tones, minRingMs, maxRingMs, ringGapTimeoutMs,
                dialToneTimeoutMs, answerTimeoutMs, answerOnTimeout, ms, maxVoiceFraction, flashMs, dtmfOnMs,
                dtmfOffMs, dtmfDbm0, minLineVoltsTenths);
    }
}
