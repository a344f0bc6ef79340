package io.branchbox.firmware.testdisk;

import io.branchbox.firmware.recording.ChannelOpener;
import io.branchbox.firmware.recording.ForwardingChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A disk that loses power. Files opened through it are written through to the real file at once
 * (the real file is the page cache: every reader, wrapped or not, sees what was written), and
 * every write or truncate not yet forced is remembered with what it replaced. A {@code force} on
 * any channel of a file makes all of that file's writes durable (as fsync does for the whole
 * file). {@link #cut} is the power failure: per file, the unforced changes are undone, newest
 * first, so the real file holds what the device had; when the random source says so, an
 * in-order prefix of them survives with the last one torn at a random byte (write-back that was
 * interrupted). After the cut every wrapped channel is closed and refuses all operations, so the
 * threads of the dead box fail instead of writing after the power went.
 *
 * <p>What it does not model: creating, renaming and deleting files are durable at once (the box
 * forces its directories after them); a torn write tears at a byte, not at a sector; memory-mapped
 * writes and {@code transferFrom} are refused (the box does neither on these files). Files written
 * without this layer (the journal's high-water file, the kept store, the outbox) are durable as
 * soon as written; they are written to a temporary file, forced and renamed, so that is what the
 * device would hold.
 *
 * <p>Threading: any thread; one lock orders writes, forces and the cut.
 */
public final class PowerCutFiles {
    private final Object lock = new Object();
    private final Map<Path, FileState> files = new LinkedHashMap<>();
    private final List<Channel> open = new ArrayList<>();
    private final Map<String, Long> forces = new TreeMap<>();
    private boolean off;
    private long tornBytesKept;
    private long bytesLost;

    /** Recordings' files on this disk. */
    public ChannelOpener recordings() {
        return file -> wrap(file, ChannelOpener.DEFAULT.open(file));
    }

    /**
     * {@code real}, an open channel on {@code file}, on this disk. The channel is closed at once
     * (and an exception thrown) when the power is off.
     */
    public FileChannel wrap(Path file, FileChannel real) throws IOException {
        synchronized (lock) {
            if (off) {
                real.close();
                throw new IOException("power is off: " + file);
            }
            Path key = file.toAbsolutePath().normalize();
            FileState state = files.get(key);
            if (state == null) {
                state = new FileState(key);
                files.put(key, state);
            }
            Channel c = new Channel(real, state);
            open.add(c);
            return c;
        }
    }

    /**
     * Cuts the power. {@code random} decides per file whether a torn prefix of its unforced writes
     * reached the device; {@code null} loses every unforced byte (the worst case for lost data).
     */
    public void cut(Random random) throws IOException {
        synchronized (lock) {
            off = true;
            for (FileState f : files.values()) {
                f.lose(random);
            }
            for (Channel c : open) {
                c.unplug();
            }
            open.clear();
            files.clear();
        }
    }

    /** Power back: channels can be opened again (the old ones stay dead). */
    public void powerOn() {
        synchronized (lock) {
            off = false;
        }
    }

    public boolean isOff() {
        synchronized (lock) {
            return off;
        }
    }

    /** Unforced bytes that survived cuts in torn write-backs, over all files and cuts. */
    public long tornBytesKept() {
        synchronized (lock) {
            return tornBytesKept;
        }
    }

    /** Bytes written but undone by cuts, over all files and cuts. */
    public long bytesLost() {
        synchronized (lock) {
            return bytesLost;
        }
    }

    /** Forces per file name pattern (digits dropped), over all cuts: shows which files were ever forced. */
    public Map<String, Long> forces() {
        synchronized (lock) {
            return Map.copyOf(forces);
        }
    }

    /** A change not forced yet: {@code before} is what {@code [position, position + before.length)} held. */
    private record Undo(long position, int length, byte[] before, long sizeBefore, boolean truncate) {}

    /** One real file, whichever channels write to it. Guarded by the lock. */
    private final class FileState {
        final Path path;
        final List<Undo> undo = new ArrayList<>();

        FileState(Path path) {
            this.path = path;
        }

        void lose(Random random) throws IOException {
            if (undo.isEmpty()) {
                return;
            }
            try (FileChannel raw = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                int keep = -1;
                int tornAt = 0;
                if (random != null && random.nextBoolean()) {
                    keep = random.nextInt(undo.size());
                    Undo torn = undo.get(keep);
                    tornAt = torn.truncate() ? 0 : random.nextInt(torn.length() + 1);
                    for (int i = 0; i < keep; i++) {
                        tornBytesKept += undo.get(i).length();
                    }
                    tornBytesKept += tornAt;
                }
                for (int i = undo.size() - 1; i >= 0 && i >= keep; i--) {
                    Undo u = undo.get(i);
                    int from = i == keep ? tornAt : 0;
                    bytesLost += u.length() - from;
                    if (from < u.before().length) {
                        ByteBuffer b = ByteBuffer.wrap(u.before(), from, u.before().length - from);
                        while (b.hasRemaining()) {
                            raw.write(b, u.position() + b.position());
                        }
                    }
                    long size = Math.max(u.sizeBefore(), u.truncate() ? 0 : u.position() + from);
                    if (raw.size() > size) {
                        raw.truncate(size);
                    }
                }
            }
            undo.clear();
        }
    }

    private final class Channel extends ForwardingChannel {
        private final FileState file;

        Channel(FileChannel real, FileState file) {
            super(real);
            this.file = file;
        }

        /** The power went: the real channel is closed, this one stays a dead handle. */
        void unplug() throws IOException {
            d.close();
        }

        private void checkPower() throws IOException {
            if (off) {
                throw new IOException("power is off: " + file.path);
            }
        }

        /** What {@code [position, position + length)} holds now, as far as the file reaches. */
        private byte[] before(long position, long length) throws IOException {
            long size = d.size();
            int n = (int) Math.max(0, Math.min(position + length, size) - position);
            byte[] b = new byte[n];
            if (n == 0) {
                return b;
            }
            try (FileChannel r = FileChannel.open(file.path, StandardOpenOption.READ)) {
                ByteBuffer buf = ByteBuffer.wrap(b);
                while (buf.hasRemaining() && r.read(buf, position + buf.position()) >= 0) {
                    // read until full
                }
            }
            return b;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            synchronized (lock) {
                checkPower();
                int length = src.remaining();
                Undo u = new Undo(position, length, before(position, length), d.size(), false);
                int n = d.write(src, position);
                file.undo.add(n == length ? u : new Undo(position, n, u.before(), u.sizeBefore(), false));
                return n;
            }
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            synchronized (lock) {
                checkPower();
                long at = d.position();
                int n = write(src, at);
                d.position(at + n);
                return n;
            }
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            synchronized (lock) {
                return writeEach(srcs, offset, length);
            }
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            synchronized (lock) {
                checkPower();
                long old = d.size();
                if (size < old) {
                    file.undo.add(new Undo(size, 0, before(size, old - size), old, true));
                }
                d.truncate(size);
                return this;
            }
        }

        @Override
        public void force(boolean metaData) throws IOException {
            synchronized (lock) {
                checkPower();
                d.force(metaData);
                file.undo.clear();
                forces.merge(file.path.getFileName().toString().replaceAll("[0-9]", ""), 1L, Long::sum);
            }
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            checkPower();
            return d.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            checkPower();
            return d.read(dst, position);
        }

        @Override
        public long size() throws IOException {
            checkPower();
            return d.size();
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            throw new IOException("transferFrom is not modelled by the power-cut disk");
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            if (mode != MapMode.READ_ONLY) {
                throw new IOException("writable maps are not modelled by the power-cut disk");
            }
            return d.map(mode, position, size);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            // closing writes nothing back: what is unforced stays in the page cache until a force or the cut
            synchronized (lock) {
                open.remove(this);
                d.close();
            }
        }
    }
}
