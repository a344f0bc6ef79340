package io.branchbox.firmware.recording;

import io.branchbox.time.Scheduler;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records calls as stereo A-law WAV files ({@link AlawWav}) under
 * {@code <dir>/<yyyy>/<MM>/<dd>/<callId>.wav}, dated in the scheduler clock's zone.
 *
 * <p><b>Threading.</b> All disk work runs on the thread of the {@link Scheduler} given here,
 * which must be a scheduler of its own (an {@code ExecutorScheduler(ThreadNames.RECORDING_WRITER)}), never
 * the call-control or audio scheduler, because its tasks block on the disk. Every
 * {@value #DRAIN_MILLIS} ms it drains the rings of all recordings into their files; every
 * {@value #FORCE_MILLIS} ms at most it rewrites each file's header sizes and forces it, so a
 * power cut loses at most one second of audio per call (while the writer keeps its ticks) and
 * leaves a file that {@link RecordingRepair} can make exact ({@code PowerCutTest}). {@link #start} and {@link Recording#finish} may be called from any thread and do no I/O;
 * {@link Recording#write} is for the audio thread (see there).
 *
 * <p>A write error (disk full) is logged, reported to the {@link RecordingStatusListener} and ends
 * that recording's file at the last whole frame; the call is never affected.
 */
public final class RecordingService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RecordingService.class);
    static final long DRAIN_MILLIS = 100;
    static final long FORCE_MILLIS = 1000;
    /** Default ring: 5 s of audio per call (80 KiB), the longest disk stall survived without loss. */
    public static final int DEFAULT_RING_FRAMES = 250;
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
    private static final int SCRATCH_FRAMES = 64;

    private final Path dir;
    private final Scheduler scheduler;
    private final RecordingStatusListener listener;
    private final int ringFrames;
    private final ChannelOpener opener;
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(SCRATCH_FRAMES * AlawWav.STEREO_FRAME_BYTES);
    /** Writer thread only. */
    private final Map<Recording, RecordingWriter> active = new IdentityHashMap<>();
    private final Scheduler.Timer drainTimer;

    public RecordingService(Path dir, Scheduler scheduler, RecordingStatusListener listener) {
        this(dir, scheduler, listener, DEFAULT_RING_FRAMES, ChannelOpener.DEFAULT);
    }

    public RecordingService(Path dir, Scheduler scheduler, RecordingStatusListener listener,
            int ringFrames, ChannelOpener opener) {
        this.dir = dir;
        this.scheduler = scheduler;
        this.listener = listener;
        this.ringFrames = ringFrames;
        this.opener = opener;
        Duration period = Duration.ofMillis(DRAIN_MILLIS);
        this.drainTimer = scheduler.scheduleAtFixedRate(period, period, this::drainAll);
    }

    /**
     * Starts recording {@code callId}. Returns at once; the file is created on the writer thread.
     * {@code callId} becomes the file name, so it may hold only letters, digits, '.', '_' and '-'.
     */
    public Recording start(String callId, Instant startedAt) {
        if (callId == null || !SAFE_ID.matcher(callId).matches()) {
            throw new IllegalArgumentException("call id not usable as a file name: " + callId);
        }
        LocalDate day = LocalDate.ofInstant(startedAt, scheduler.clock().getZone());
        Path file = dir.resolve(String.format("%04d/%02d/%02d/%s.wav",
                day.getYear(), day.getMonthValue(), day.getDayOfMonth(), callId));
        Recording r = new Recording(callId, file, ringFrames, this);
        scheduler.execute(() -> {
            RecordingWriter w = new RecordingWriter(r, listener);
            active.put(r, w);
            w.open(opener, scheduler.nowMillis());
        });
        return r;
    }

    /** Finishes every open recording and stops the periodic drain. */
    @Override
    public void close() {
        drainTimer.cancel();
        scheduler.execute(() -> {
            for (Recording r : List.copyOf(active.keySet())) {
                r.finish();
            }
        });
    }

    void requestFinish(Recording r) {
        scheduler.execute(() -> {
            RecordingWriter w = active.remove(r);
            if (w == null) {
                log.error("recording of call {} finished twice or never started", r.callId());
                return;
            }
            RecordingResult result = w.finish(scratch);
            log.info("recording of call {} finished: {} ms, {} lost frame(s){}", r.callId(), result.durationMs(),
                    result.lostFrames(), result.writeError() == null ? "" : ", error " + result.writeError());
            r.resultFuture().complete(result);
        });
    }

    private void drainAll() {
        long now = scheduler.nowMillis();
        for (RecordingWriter w : active.values()) {
            w.retryIfDue(now);
            w.drain(scratch);
            w.syncIfDue(now, FORCE_MILLIS, DRAIN_MILLIS);
        }
    }
}
