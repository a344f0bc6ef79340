package io.branchbox.firmware.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.MappedByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * A recording's file channel that fails a write which would eat into the {@link DiskReserve},
 * with the same {@link IOException} a full disk gives, so the writer's full-disk handling (cut at
 * the last whole frame, retry, resume) applies unchanged. Everything else is passed through.
 * Threading: as the channel it wraps (the recording writer thread).
 */
final class ReservedChannel extends ForwardingChannel {
    private final DiskReserve reserve;

    ReservedChannel(FileChannel d, DiskReserve reserve) {
        super(d);
        this.reserve = reserve;
    }

    private void check(long n) throws IOException {
        if (!reserve.grant(n)) {
            throw new IOException("No space left for recordings: the last " + (reserve.guardBytes() >> 10)
                    + " KiB are reserved for the database and the journal");
        }
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        check(src.remaining());
        return d.write(src, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        check(src.remaining());
        return d.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long n = 0;
        for (int i = offset; i < offset + length; i++) {
            n += srcs[i].remaining();
        }
        check(n);
        return d.write(srcs, offset, length);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        check(count);
        return d.transferFrom(src, position, count);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        throw new IOException("recordings are not mapped: the reserve could not be kept");
    }
}
