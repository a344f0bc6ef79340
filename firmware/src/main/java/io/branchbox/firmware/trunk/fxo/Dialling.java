package io.branchbox.firmware.trunk.fxo;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.dsp.DtmfGenerator;
import io.branchbox.time.Scheduler;
import java.time.Duration;
import java.util.Map;

/**
 * Outgoing: sends the digits as DTMF, one 20 ms frame per tick, then waits for the answer. The
 * digits are rendered once when dialling starts; nothing is allocated per frame.
 */
final class Dialling extends LineState {
    private static final int FRAME = 160;

    private final String digits;
    private final FxoLine.OutgoingListener listener;
    private final byte[] frame = new byte[FRAME];
    private byte[] audio;
    private int pos;
    private Scheduler.Timer ticker = Scheduler.Timer.NONE;

    Dialling(FxoLine line, String digits, FxoLine.OutgoingListener listener) {
        super(line);
        this.digits = digits;
        this.listener = listener;
    }

    @Override
    String name() {
        return "dialling";
    }

    @Override
    void enter() {
        FxoConfig c = line.config();
        audio = new DtmfGenerator(c.dtmfDbm0()).generate(digits, c.dtmfOnMs(), c.dtmfOffMs());
        line.detected("outgoing", Map.of("dialling", digits), "dial tone heard, dialling " + digits);
        ticker = line.scheduler().scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(20), this::tick);
    }

    @Override
    void exit() {
        ticker.cancel();
    }

    @Override
    void abort(Q850Cause cause, String why) {
        listener.onFailed(cause, why);
    }

    private void tick() {
        if (!line.isCurrent(this)) {
            ticker.cancel();
            return;
        }
        if (pos >= audio.length) {
            line.transition(new AwaitingAnswer(line, digits, listener));
            return;
        }
        int n = Math.min(FRAME, audio.length - pos);
        System.arraycopy(audio, pos, frame, 0, n);
        java.util.Arrays.fill(frame, n, FRAME, io.branchbox.firmware.audio.G711.ALAW_SILENCE);
        pos += n;
        line.board().sendAudio(line.port(), frame);
    }
}
