package io.branchbox.firmware.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A disk that loses power: files opened through {@link #opener()} keep every write in memory (the
 * page cache) until {@code force}, which writes them to the real file in order. {@link #cut} is
 * the power failure: each open file keeps only what was forced, plus, when the random source says
 * so, a prefix of its pending writes with the last one torn at a random byte (in-order write-back
 * that was interrupted). After the cut every channel refuses all operations.
 *
 * <p>Creating the file and writing its directory entry are durable at once (the writer forces
 * the directory). Test-thread only, like the {@code ManualScheduler} that drives the writer.
 */
final class PowerCutDisk {
    private final List<Channel> open = new ArrayList<>();
    private boolean off;
    private long tornBytesKept;

    ChannelOpener opener() {
        return file -> {
            if (off) {
                throw new IOException("power is off");
            }
            Channel c = new Channel(ChannelOpener.DEFAULT.open(file));
            open.add(c);
            return c;
        };
    }

    /**
     * Cuts the power. {@code random} decides, per file, whether some unforced writes reached the
     * platter before the heads stopped.
     */
    void cut(Random random) throws IOException {
        off = true;
        for (Channel c : open) {
            c.lose(random);
        }
        open.clear();
    }

    /** Cuts the power so that nothing unforced survives: the worst case for lost audio. */
    void cutLosingAllUnforced() throws IOException {
        cut(null);
    }

    /** Unforced bytes that survived the cut in torn write-backs, over all files. */
    long tornBytesKept() {
        return tornBytesKept;
    }

    private record Pending(long position, byte[] bytes) {}

    private final class Channel extends FileChannel {
        private final FileChannel disk;
        private final List<Pending> pending = new ArrayList<>();

        Channel(FileChannel disk) {
            this.disk = disk;
        }

        void lose(Random random) throws IOException {
            if (!disk.isOpen()) {
                return;
            }
            if (!pending.isEmpty() && random != null && random.nextBoolean()) {
                int whole = random.nextInt(pending.size());
                for (int i = 0; i < whole; i++) {
                    tornBytesKept += writeThrough(pending.get(i), pending.get(i).bytes().length);
                }
                Pending torn = pending.get(whole);
                tornBytesKept += writeThrough(torn, random.nextInt(torn.bytes().length + 1));
            }
            pending.clear();
            disk.close();
        }

        private int writeThrough(Pending p, int length) throws IOException {
            ByteBuffer b = ByteBuffer.wrap(p.bytes(), 0, length);
            while (b.hasRemaining()) {
                disk.write(b, p.position() + b.position());
            }
            return length;
        }

        private void checkPower() throws IOException {
            if (off) {
                throw new IOException("power is off");
            }
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            checkPower();
            byte[] copy = new byte[src.remaining()];
            src.get(copy);
            pending.add(new Pending(position, copy));
            return copy.length;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            checkPower();
            for (Pending p : pending) {
                writeThrough(p, p.bytes().length);
            }
            pending.clear();
            disk.force(metaData);
        }

        @Override
        public long size() throws IOException {
            checkPower();
            long size = disk.size();
            for (Pending p : pending) {
                size = Math.max(size, p.position() + p.bytes().length);
            }
            return size;
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            // the writer truncates only after an error; treat it as write-back, then a durable cut
            force(true);
            disk.truncate(size);
            return this;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            throw refused("relative write");
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            throw refused("gathering write");
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            throw refused("relative read");
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            throw refused("scattering read");
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            throw refused("positional read");
        }

        @Override
        public long position() throws IOException {
            throw refused("position");
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            throw refused("position");
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            throw refused("transferTo");
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            throw refused("transferFrom");
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            throw refused("map");
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            throw refused("lock");
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            throw refused("tryLock");
        }

        @Override
        protected void implCloseChannel() throws IOException {
            // closing does not write back: what is pending stays in the page cache until a force or the cut
            if (!off) {
                force(false);
            }
            disk.close();
            open.remove(this);
        }

        private IOException refused(String what) {
            return new IOException(what + " is not something the recording writer does; the power-cut disk refuses it");
        }
    }
}
