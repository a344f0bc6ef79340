package io.branchbox.drivers.cb1.link;

import io.branchbox.drivers.cb1.frame.HdlcEncoder;
import io.branchbox.drivers.cb1.msg.AudioFrames;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only code that writes to the device: one writer thread drains a bounded queue of frames.
 *
 * <p>Audio frames live in preallocated slots taken from a free pool, filled on the caller's
 * thread and handed back to the pool once written, so the 20 ms path allocates nothing and never
 * blocks: with no free slot the frame is dropped and counted. Control frames are rare, allocated
 * per frame, and share the queue so that writes keep their order. The queue holds every audio
 * slot plus {@link #CONTROL_HEADROOM}, so audio cannot crowd control frames out.
 *
 * <p>The writer thread takes everything queued when it wakes ({@code drainTo}, in queue order),
 * copies the frames' bytes into one preallocated buffer of {@link #BATCH_BYTES} and writes it with
 * one call (one syscall), instead of one write per frame: some 1,900 audio frames a second at full
 * load otherwise cost a syscall and a JNI copy each. Frames only ever leave in the order they were
 * queued; nothing waits to fill a batch (a lone frame goes out at once). An audio slot goes back
 * to the pool only after the write that carried it returned, so at most the pool's size of audio
 * is ever in flight, as before. The counters stay per frame: a failed write counts a drop for
 * each frame it carried.
 *
 * <p>Stopping writes what was queued before the stop (bounded by {@link #FLUSH_AT_STOP}) and
 * refuses what comes after: the last RELEASE COMPLETE of a shutdown is queued a moment before the
 * link stops, and the network only forgets the call when it arrives.
 *
 * <p>In inline mode (unit tests) there is no thread: each frame is written on the caller's thread.
 */
final class FrameWriter {
    private static final Logger log = LoggerFactory.getLogger(FrameWriter.class);
    private static final int CONTROL_HEADROOM = 64;
    private static final int AUDIO_ENCODED_MAX = HdlcEncoder.maxEncodedSize(AudioFrames.CONTENT_LEN);
    /** How long a stop waits for the queue to drain: a full queue is ~12 KB, ~130 ms at 921,600 baud. */
    static final Duration FLUSH_AT_STOP = Duration.ofMillis(500);
    /**
     * One write's buffer: the largest frame (a control frame of 1,100 content bytes, 2,206 encoded)
     * always fits; about 24 audio frames of typical stuffing, 12 at worst. Small, because the JNI
     * write of jSerialComm copies the whole array it is handed, not only the bytes written.
     */
    static final int BATCH_BYTES = 4096;

    /** Wakes the writer thread at a stop; written as nothing. */
    private static final Slot WAKE = new Slot(new byte[0], new byte[0], false);

    private static final class Slot {
        final byte[] content;
        final byte[] bytes;
        final boolean audio;
        int len;

        Slot(byte[] content, byte[] bytes, boolean audio) {
            this.content = content;
            this.bytes = bytes;
            this.audio = audio;
        }
    }

    private final CounterSet counters;
    private final boolean inline;
    private final ArrayBlockingQueue<Slot> free;
    private final ArrayBlockingQueue<Slot> ready;
    private volatile ByteLink link;
    private volatile boolean running;
    private Thread thread;
    /** Writer thread only: the frames taken from {@link #ready} for this round, in order. */
    private final ArrayList<Slot> batch;
    /** Writer thread only: their bytes, written with one call. */
    private final byte[] out = new byte[BATCH_BYTES];

    FrameWriter(int audioSlots, CounterSet counters, boolean inline) {
        this.counters = counters;
        this.inline = inline;
        this.free = new ArrayBlockingQueue<>(audioSlots);
        this.ready = new ArrayBlockingQueue<>(audioSlots + CONTROL_HEADROOM);
        this.batch = new ArrayList<>(audioSlots + CONTROL_HEADROOM + 1);
        for (int i = 0; i < audioSlots; i++) {
            free.add(new Slot(new byte[AudioFrames.CONTENT_LEN], new byte[AUDIO_ENCODED_MAX], true));
        }
    }

    /** The device to write to from now on, or null while there is none (frames are then dropped). */
    void setLink(ByteLink link) {
        this.link = link;
    }

    void start(String name) {
        if (inline) {
            return;
        }
        running = true;
        thread = new Thread(this::drain, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Refuses new frames, lets the thread write what is queued for at most {@link #FLUSH_AT_STOP},
     * then interrupts it (a device that blocks writes must not hold the stop). Caller's thread.
     */
    void stop() {
        running = false;
        Thread t = thread;
        if (t == null) {
            return;
        }
        ready.offer(WAKE);
        try {
            t.join(FLUSH_AT_STOP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        t.interrupt();
    }

    /** Queues one control frame's content; false (and counted) when the queue is full. */
    boolean sendControl(byte[] content) {
        byte[] out = new byte[HdlcEncoder.maxEncodedSize(content.length)];
        Slot s = new Slot(content, out, false);
        s.len = HdlcEncoder.encode(content, 0, content.length, out, 0);
        if (submit(s)) {
            return true;
        }
        counters.otherDrops.incrementAndGet();
        return false;
    }

    /** Frames and queues one AUDIO frame; never blocks, never allocates. Safe from any thread. */
    void sendAudio(int unit, int chan, int frameNo, byte[] alaw, int off) {
        Slot s = free.poll();
        if (s == null) {
            counters.audioDrops.incrementAndGet();
            return;
        }
        AudioFrames.encode(s.content, 0, unit, chan, frameNo, alaw, off);
        s.len = HdlcEncoder.encode(s.content, 0, AudioFrames.CONTENT_LEN, s.bytes, 0);
        if (!submit(s)) {
            free.offer(s);
            counters.audioDrops.incrementAndGet();
        }
    }

    private boolean submit(Slot s) {
        if (!inline) {
            return running && ready.offer(s);
        }
        synchronized (this) {
            write(s);
        }
        return true;
    }

    private void drain() {
        while (running) {
            Slot s;
            try {
                s = ready.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (s != null) {
                batch.add(s);
                ready.drainTo(batch);
                writeBatch();
            }
        }
        // what was queued before the stop still goes out, in order
        while (!Thread.currentThread().isInterrupted() && ready.drainTo(batch) > 0) {
            writeBatch();
        }
        log.debug("frame writer stopped");
    }

    /** Writes {@link #batch} in order, as few writes as {@link #BATCH_BYTES} allows, and empties it. */
    private void writeBatch() {
        int from = 0;
        int bytes = 0;
        for (int i = 0; i < batch.size(); i++) {
            Slot s = batch.get(i);
            if (bytes + s.len > out.length) {
                flush(from, i, bytes);
                from = i;
                bytes = 0;
            }
            System.arraycopy(s.bytes, 0, out, bytes, s.len);
            bytes += s.len;
        }
        flush(from, batch.size(), bytes);
        batch.clear();
    }

    /** Writes the first {@code bytes} of {@link #out}, which hold {@code batch[from, to)}; counts and frees them. */
    private void flush(int from, int to, int bytes) {
        if (from == to) {
            return;
        }
        ByteLink l = link;
        IOException failed = null;
        try {
            if (l == null) {
                throw new IOException("no device open");
            }
            if (bytes > 0) {
                l.write(out, 0, bytes);
            }
        } catch (IOException e) {
            failed = e;
        }
        int frames = 0;
        int audio = 0;
        for (int i = from; i < to; i++) {
            Slot s = batch.get(i);
            if (s == WAKE) {
                continue;
            }
            frames++;
            if (s.audio) {
                audio++;
                free.offer(s);
            }
        }
        if (failed == null) {
            counters.framesOut.addAndGet(frames);
            counters.audioOut.addAndGet(audio);
        } else {
            // the reader notices a vanished device and reports it; here the frames are just lost
            counters.audioDrops.addAndGet(audio);
            counters.otherDrops.addAndGet(frames - audio);
            log.debug("{} frames not written: {}", frames, failed.getMessage());
        }
    }

    /** Inline mode: one frame, one write, on the caller's thread. */
    private void write(Slot s) {
        ByteLink l = link;
        try {
            if (l == null) {
                throw new IOException("no device open");
            }
            l.write(s.bytes, 0, s.len);
            counters.framesOut.incrementAndGet();
            if (s.audio) {
                counters.audioOut.incrementAndGet();
            }
        } catch (IOException e) {
            // the reader notices a vanished device and reports it; here the frame is just lost
            (s.audio ? counters.audioDrops : counters.otherDrops).incrementAndGet();
            log.debug("frame not written: {}", e.getMessage());
        } finally {
            if (s.audio) {
                free.offer(s);
            }
        }
    }
}
