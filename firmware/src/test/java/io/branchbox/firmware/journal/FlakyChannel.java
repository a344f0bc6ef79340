package io.branchbox.firmware.journal;

import io.branchbox.firmware.recording.ForwardingChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.CountDownLatch;

/**
 * A segment channel whose disk can be made full: while {@link #full} is set, a write takes a few
 * bytes (a half line, as a real disk does just before ENOSPC) and the next one fails. Everything
 * else is passed on by the shared {@link ForwardingChannel}.
 */
final class FlakyChannel extends ForwardingChannel {
    volatile boolean full;
    /** While set, a force waits for it: an fsync that stalls for as long as the test wants. */
    volatile CountDownLatch stall;
    private boolean tookPart;

    FlakyChannel(FileChannel delegate) {
        super(delegate);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!full) {
            tookPart = false;
            return d.write(src);
        }
        if (tookPart) {
            throw new IOException("No space left on device");
        }
        tookPart = true;
        ByteBuffer part = src.slice(src.position(), Math.min(10, src.remaining()));
        int n = d.write(part);
        src.position(src.position() + n);
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return writeEach(srcs, offset, length);
    }

    @Override
    public void force(boolean metaData) throws IOException {
        CountDownLatch s = stall;
        if (s != null) {
            try {
                s.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("stalled force interrupted");
            }
        }
        d.force(metaData);
    }
}
