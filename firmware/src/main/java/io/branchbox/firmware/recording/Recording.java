package io.branchbox.firmware.recording;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The handle of one call's recording.
 *
 * <p>{@link #write} is called by the audio thread every 20 ms; it copies the two frames into this
 * recording's preallocated ring and returns; it never blocks, never allocates and never touches
 * the disk. When the ring is full (disk stalled for longer than the ring holds) the frame is
 * counted in {@link #lostFrames} and dropped. Only one thread may call {@link #write}.
 * {@link #finish} may be called from any thread, once; writes after it are ignored.
 */
public final class Recording {
    private final String callId;
    private volatile Path file;
    private final FrameRing ring;
    private final RecordingService service;
    private final CompletableFuture<RecordingResult> result = new CompletableFuture<>();
    private volatile long lostFrames;
    private volatile boolean finished;

    Recording(String callId, Path file, int ringFrames, RecordingService service) {
        this.callId = callId;
        this.file = file;
        this.ring = new FrameRing(ringFrames);
        this.service = service;
    }

    /**
     * Records one 20 ms frame: 160 A-law bytes of the caller ({@code left}) and 160 of the
     * agent or box ({@code right}), read from the given offsets.
     */
    public void write(byte[] left, int leftOff, byte[] right, int rightOff) {
        if (finished) {
            return;
        }
        if (!ring.put(left, leftOff, right, rightOff)) {
            // only the audio thread writes this counter, so the non-atomic increment is safe
            lostFrames++;
        }
    }

    /**
     * Ends the recording: the writer drains the ring, writes the final sizes, forces the file and
     * hashes it. The future completes on the writer thread; it completes normally also after a
     * write error (see {@link RecordingResult#writeError}).
     */
    public CompletableFuture<RecordingResult> finish() {
        if (!finished) {
            finished = true;
            service.requestFinish(this);
        }
        return result;
    }

    public String callId() {
        return callId;
    }

    /**
     * Where the file is. Before the writer opened it this is the planned name; if a file of that
     * name already existed the writer picked {@code <callId>-<n>.wav}, and this returns that.
     */
    public Path file() {
        return file;
    }

    void movedTo(Path actual) {
        file = actual;
    }

    /** Frames dropped because the ring was full. */
    public long lostFrames() {
        return lostFrames;
    }

    FrameRing ring() {
        return ring;
    }

    CompletableFuture<RecordingResult> resultFuture() {
        return result;
    }
}
