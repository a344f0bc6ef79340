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

    private final BoxConfig config;
    private final Scheduler scheduler;
    private final Map<Integer, PriSpan> spansByUnit;
    private final AudioRouter router;
    private final CallManager calls;
    private final Map<Integer, Boolean> headsetPlugged = new ConcurrentHashMap<>();
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

    void attach(BoardLink link) {
        this.link = link;
    }

    @Override
    public void onBoardUp(BoardIdentity id) {
        identity = id;
        log.info("board up: serial {}, firmware {}, {} span(s), {} FXO, {} headset(s)",
                id.serial(), id.firmware(), id.spans(), id.fxo(), id.headsets());
        configureSpans();
    }

    @Override
    public void onBoardRestarted(BoardIdentity id) {
        identity = id;
        log.warn("board restarted (serial {}): every channel was closed; clearing calls and configuring again", id.serial());
        calls.onBoardRestarted();
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
