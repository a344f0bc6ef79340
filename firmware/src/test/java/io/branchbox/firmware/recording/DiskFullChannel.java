package io.branchbox.firmware.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;

/** A file channel on a disk that is full beyond {@code limit} bytes: writes past it fail like ENOSPC. */
final class DiskFullChannel extends ForwardingChannel {
    private final java.util.function.LongSupplier limitNow;

    DiskFullChannel(Path file, long limit) throws IOException {
        this(file, () -> limit);
    }

    /** A disk whose free space changes: {@code limit} is asked at every write. */
    DiskFullChannel(Path file, java.util.function.LongSupplier limit) throws IOException {
        super(ChannelOpener.DEFAULT.open(file));
        this.limitNow = limit;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        long limit = limitNow.getAsLong();
        if (position >= limit) {
            throw new IOException("No space left on device");
        }
        if (position + src.remaining() <= limit) {
            return d.write(src, position);
        }
        ByteBuffer part = src.slice(src.position(), (int) (limit - position));
        int n = d.write(part, position);
        src.position(src.position() + n);
        return n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int n = write(src, d.position());
        d.position(d.position() + n);
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return writeEach(srcs, offset, length);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        throw new IOException("No space left on device");
    }
}
