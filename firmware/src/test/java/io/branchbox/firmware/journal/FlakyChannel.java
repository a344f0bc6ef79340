package io.branchbox.firmware.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A segment channel whose disk can be made full: while {@link #full} is set, a write takes a few
 * bytes (a half line, as a real disk does just before ENOSPC) and the next one fails.
 */
final class FlakyChannel extends FileChannel {
    volatile boolean full;
    /** While set, a force waits for it: an fsync that stalls for as long as the test wants. */
    volatile java.util.concurrent.CountDownLatch stall;
    private final FileChannel d;
    private boolean tookPart;

    FlakyChannel(FileChannel delegate) {
        this.d = delegate;
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
        long n = 0;
        for (int i = offset; i < offset + length; i++) {
            n += write(srcs[i]);
        }
        return n;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        return d.write(src, position);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return d.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return d.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return d.read(dst, position);
    }

    @Override
    public long position() throws IOException {
        return d.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        d.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return d.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        d.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        java.util.concurrent.CountDownLatch s = stall;
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

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return d.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        return d.transferFrom(src, position, count);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return d.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return d.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return d.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        d.close();
    }
}
