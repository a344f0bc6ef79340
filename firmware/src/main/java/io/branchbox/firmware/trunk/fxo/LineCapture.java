package io.branchbox.firmware.trunk.fxo;

import io.branchbox.firmware.audio.Wav;
import io.branchbox.time.ThreadNames;
import io.branchbox.firmware.dsp.Detection;
import io.branchbox.time.Scheduler;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Line diagnostics: records everything an {@link FxoLine} hears (on-hook caller ID audio and
 * off-hook audio) to a mono A-law WAV file, and every detection (rings with cadence, caller ID
 * fields and raw octets, tones, digits, line events) as JSON lines beside it
 * ({@code NAME.wav} and {@code NAME.jsonl}), one {@link Detection} per line as LineAnalyzer
 * writes them, so {@code analyze-line NAME.wav} can be compared with what the box decided.
 *
 * <p>The WAV follows wall time: while the channel is closed (idle line without DTMF caller ID)
 * the gap is filled with silence, so a detection's {@code t_ms} is its position in the audio
 * (to within a frame).
 *
 * <p>Threading: {@link #onLineAudio} on the audio thread copies the frame into a preallocated
 * slot and never blocks (a full queue drops the frame and counts it); {@link #onDetection} on the
 * signalling thread only queues. A writer thread of its own does all file I/O. {@link #close}
 * from any thread, once.
 */
public final class LineCapture implements LineObserver, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LineCapture.class);
    private static final int FRAME = 160;
    private static final int SLOTS = 250;
    private static final int HEADER = Wav.ALAW_HEADER_BYTES;
    private static final byte SILENCE = (byte) 0xD5;

    private static final class Slot {
        final byte[] alaw = new byte[FRAME];
        long atMillis;
    }

    private final Path wav;
    private final Path json;
    private final Scheduler time;
    private final long startMillis;
    private final ArrayBlockingQueue<Slot> free = new ArrayBlockingQueue<>(SLOTS);
    private final ArrayBlockingQueue<Slot> full = new ArrayBlockingQueue<>(SLOTS);
    private final ConcurrentLinkedQueue<Detection> detections = new ConcurrentLinkedQueue<>();
    private final AtomicLong dropped = new AtomicLong();
    private final FileChannel audio;
    private final BufferedWriter lines;
    private final Thread writer;
    private final byte[] silence = new byte[FRAME];
    private volatile boolean closing;
    private long framesWritten;
    private IOException error;

    private LineCapture(Path wav, Scheduler time) throws IOException {
        this.wav = wav;
        String base = wav.getFileName().toString().replaceFirst("\\.wav$", "");
        this.json = wav.resolveSibling(base + ".jsonl");
        this.time = time;
        this.startMillis = time.nowMillis();
        for (int i = 0; i < SLOTS; i++) {
            free.add(new Slot());
        }
        java.util.Arrays.fill(silence, SILENCE);
        this.audio = FileChannel.open(wav, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        this.lines = Files.newBufferedWriter(json, StandardCharsets.UTF_8);
        audio.write(header(0), 0);
        this.writer = new Thread(this::run, ThreadNames.LINE_CAPTURE + base);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Starts a capture into {@code wav} (and the {@code .jsonl} beside it), timed by {@code time}'s
     * clock. Attach it with {@link FxoLine#setObserver}.
     */
    public static LineCapture start(Path wav, Scheduler time) throws IOException {
        return new LineCapture(wav, time);
    }

    public Path wavPath() {
        return wav;
    }

    public Path jsonPath() {
        return json;
    }

    /** Frames lost because the writer fell behind by more than 5 s. */
    public long droppedFrames() {
        return dropped.get();
    }

    @Override
    public void onLineAudio(byte[] alaw, int off) {
        Slot s = free.poll();
        if (s == null || closing) {
            dropped.incrementAndGet();
            return;
        }
        System.arraycopy(alaw, off, s.alaw, 0, FRAME);
        s.atMillis = time.nowMillis();
        full.offer(s);
    }

    @Override
    public void onDetection(String kind, Map<String, Object> fields) {
        detections.add(new Detection(time.nowMillis() - startMillis, kind, fields));
    }

    /** Writes what is queued, fixes the WAV header and closes both files. */
    @Override
    public void close() throws IOException {
        closing = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while closing the capture", e);
        }
        if (error != null) {
            throw error;
        }
    }

    private void run() {
        try {
            while (!closing || !full.isEmpty()) {
                Slot s = full.poll(100, TimeUnit.MILLISECONDS);
                if (s != null) {
                    write(s);
                    free.offer(s);
                }
                writeDetections();
            }
            writeDetections();
            audio.write(header(framesWritten * FRAME), 0);
        } catch (IOException e) {
            error = e;
            log.error("line capture {} failed: {}", wav, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly();
        }
    }

    private void write(Slot s) throws IOException {
        // fill the time the channel was closed, so audio time matches detection time
        // (a frame late by less than two frame times is jitter, not a gap)
        long due = (s.atMillis - startMillis) / 20;
        if (due - framesWritten >= 2) {
            while (framesWritten < due) {
                audio.write(ByteBuffer.wrap(silence), HEADER + framesWritten * FRAME);
                framesWritten++;
            }
        }
        audio.write(ByteBuffer.wrap(s.alaw), HEADER + framesWritten * FRAME);
        framesWritten++;
    }

    private void writeDetections() throws IOException {
        Detection d;
        boolean any = false;
        while ((d = detections.poll()) != null) {
            lines.write(d.toJson());
            lines.newLine();
            any = true;
        }
        if (any) {
            lines.flush();
        }
    }

    private void closeQuietly() {
        try {
            lines.close();
        } catch (IOException e) {
            log.warn("closing {}: {}", json, e.getMessage());
        }
        try {
            audio.close();
        } catch (IOException e) {
            log.warn("closing {}: {}", wav, e.getMessage());
        }
    }

    /** RIFF header of a mono 8 kHz A-law file with {@code dataBytes} of samples. */
    static ByteBuffer header(long dataBytes) {
        return Wav.alawHeader(1, dataBytes);
    }
}
