package io.branchbox.firmware.runtime;

import io.branchbox.drivers.cb1.link.BoardIdentity;
import io.branchbox.drivers.cb1.link.BoardLink;
import io.branchbox.drivers.cb1.link.BoardListener;
import io.branchbox.drivers.cb1.msg.AckStatus;
import io.branchbox.drivers.cb1.msg.BoardHealth;
import io.branchbox.drivers.cb1.msg.Cb1Message;
import io.branchbox.drivers.cb1.msg.ClockSource;
import io.branchbox.drivers.cb1.msg.DChannel;
import io.branchbox.drivers.cb1.msg.Framing;
import io.branchbox.drivers.cb1.msg.FxoEvent;
import io.branchbox.drivers.cb1.msg.HeadsetEvent;
import io.branchbox.drivers.cb1.msg.HeadsetEventKind;
import io.branchbox.drivers.cb1.msg.Log;
import io.branchbox.drivers.cb1.msg.SpanConfig;
import io.branchbox.drivers.cb1.msg.SpanStatus;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.firmware.audio.AudioRouter;
import io.branchbox.firmware.call.CallManager;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.trunk.PriSpan;
import io.branchbox.firmware.trunk.fxo.FxoLine;
import io.branchbox.time.Scheduler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes what the board says to the parts of the box that care: D-channel frames and span alarms
 * to their {@link PriSpan}, audio to the {@link AudioRouter}, a restart to call control (every
 * channel was closed, so every call is cleared on its trunk) and span configuration after every
 * HELLO.
 *
 * <p>Threading: the board link calls everything but {@link #onAudio} on the signalling thread;
 * {@link #onAudio} runs on the link's reader thread and goes straight to the router.
 */
final class BoardEvents implements BoardListener {
    private static final Logger log = LoggerFactory.getLogger(BoardEvents.class);
    private static final int FXO_FIRST = Units.fxo(0);

    private final BoxConfig config;
    private final Scheduler scheduler;
    private final Map<Integer, PriSpan> spansByUnit;
    private final AudioRouter router;
    private final CallManager calls;
    private final Map<Integer, Boolean> headsetPlugged = new ConcurrentHashMap<>();
    /** FXO lines by port, fixed at construction (read on the audio thread without a lock). */
    private final FxoLine[] fxoLines = new FxoLine[Units.MAX_FXO];
    private BoardChannels channels;
    private boolean fxoStarted;
    private BoardLink link;
    private volatile BoardIdentity identity;

    BoardEvents(BoxConfig config, Scheduler scheduler, Map<Integer, PriSpan> spansByUnit, AudioRouter router,
            CallManager calls) {
        this.config = config;
        this.scheduler = scheduler;
        this.spansByUnit = spansByUnit;
        this.router = router;
        this.calls = calls;
    }

    void attach(BoardLink link, BoardChannels channels, java.util.List<FxoLine> lines) {
        this.link = link;
        this.channels = channels;
        for (FxoLine l : lines) {
            fxoLines[l.port()] = l;
        }
    }

    @Override
    public void onBoardUp(BoardIdentity id) {
        identity = id;
        log.info("board up: serial {}, firmware {}, {} span(s), {} FXO, {} headset(s)",
                id.serial(), id.firmware(), id.spans(), id.fxo(), id.headsets());
        configureSpans();
        if (!fxoStarted) {
            fxoStarted = true;
            for (FxoLine l : fxoLines) {
                if (l != null) {
                    l.start();
                }
            }
        }
    }

    @Override
    public void onBoardRestarted(BoardIdentity id) {
        identity = id;
        log.warn("board restarted (serial {}): every channel was closed; clearing calls and configuring again", id.serial());
        calls.onBoardRestarted();
        channels.reset();
        for (FxoLine l : fxoLines) {
            if (l != null) {
                l.onBoardRestarted();
            }
        }
        spansByUnit.values().forEach(PriSpan::onUnconfigured);
        configureSpans();
    }

    @Override
    public void onBoardDown(String reason) {
        log.error("board down: {}", reason);
        spansByUnit.values().forEach(PriSpan::onUnconfigured);
    }

    @Override
    public void onMessage(Cb1Message m) {
        switch (m) {
            case DChannel d -> {
                PriSpan span = spansByUnit.get(d.unit());
                if (span != null) {
                    span.onDChannel(d.lapd());
                }
            }
            case SpanStatus s -> {
                PriSpan span = spansByUnit.get(s.unit());
                if (span != null) {
                    span.onStatus(s);
                }
            }
            case FxoEvent f -> {
                int port = Units.index(f.unit());
                if (port >= 0 && port < fxoLines.length && fxoLines[port] != null) {
                    fxoLines[port].onEvent(f);
                }
            }
            case HeadsetEvent h -> {
                boolean plugged = h.event() == HeadsetEventKind.PLUGGED;
                headsetPlugged.put(Units.index(h.unit()), plugged);
                log.info("headset of seat {} {}", Units.index(h.unit()) + 1, plugged ? "plugged in" : "unplugged");
            }
            case Log l -> log.info("board says: {}", l.text());
            case BoardHealth h -> log.debug("board health: {}", h);
            default -> log.debug("board message not used here: {}", m);
        }
    }

    @Override
    public void onAudio(int unit, int chan, int frameNo, byte[] buf, int off) {
        if (unit >= FXO_FIRST && unit < FXO_FIRST + Units.MAX_FXO) {
            FxoLine line = fxoLines[unit - FXO_FIRST];
            if (line != null) {
                line.onLineAudio(buf, off); // ring cadence, caller ID, tones: detectors never block
            }
        }
        router.onFrame(unit, chan, frameNo, buf, off);
    }

    /** The last identity the board reported, or null before the first HELLO. */
    BoardIdentity identity() {
        return identity;
    }

    /** Whether the headset of seat {@code seat} (1..16) is plugged in, as far as the board told. */
    boolean headsetPlugged(int seat) {
        return headsetPlugged.getOrDefault(seat - 1, false);
    }

    private void configureSpans() {
        for (BoxConfig.Span s : config.spans()) {
            if (!s.enabled()) {
                continue;
            }
            int unit = Units.span(s.span());
            Framing framing = s.framing() == BoxConfig.Framing.CRC4 ? Framing.CRC4_MULTIFRAME : Framing.NO_CRC4;
            ClockSource clock = s.clock() == BoxConfig.ClockSource.LINE ? ClockSource.LINE : ClockSource.INTERNAL;
            link.command(new SpanConfig(0, unit, framing, clock)).whenComplete((status, err) -> scheduler.execute(() -> {
                if (err == null && status == AckStatus.OK) {
                    log.info("span{} configured ({}, clock {})", s.span(), framing, clock);
                    spansByUnit.get(unit).onConfigured();
                } else {
                    log.error("span{} not configured: {}", s.span(), err != null ? err.getMessage() : status);
                }
            }));
        }
    }
}
