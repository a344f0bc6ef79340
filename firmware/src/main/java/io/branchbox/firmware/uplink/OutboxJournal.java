package io.branchbox.firmware.uplink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The outbox's append-only file: framing, checksums, torn-tail repair and compaction.
 *
 * <p>Frame: {@code int bodyLength | body | int crc32c(body)}, big-endian. Body: one type byte, then
 * the record's fields (see {@link #encode}). A power cut can leave a half-written last frame; on
 * {@link #open} everything from the first frame that is short, over-long or fails its checksum to
 * the end of the file is cut off. A frame spoiled in the middle of the file therefore also loses
 * what follows it: the file is only ever appended to, so such damage means the storage itself
 * is failing.
 *
 * <p>Not thread-safe; {@link Outbox} serialises access.
 */
final class OutboxJournal implements AutoCloseable {

    /** Largest body accepted; larger lengths mean a torn or foreign file. */
    static final int MAX_BODY = 1 << 20;

    private static final byte APPEND = 1;
    private static final byte ACK = 2;
    private static final byte DROP = 3;
    private static final byte RESERVE = 4;
    private static final byte META = 5;

    private final Path file;
    private FileChannel channel;
    private long size;
    private boolean dirty;

    private OutboxJournal(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    /** What {@link #open} found: the records before the cut, and how many bytes were cut. */
    record Opened(OutboxJournal journal, List<OutboxRecord> records, long bytesCut) {}

    /** Opens (creating if absent) the journal, replays it and cuts a torn tail. */
    static Opened open(Path file) throws UplinkException {
        try {
            Files.createDirectories(file.getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            List<OutboxRecord> records = new ArrayList<>();
            long valid = replay(ch, records);
            long cut = ch.size() - valid;
            if (cut > 0) {
                ch.truncate(valid);
                ch.force(true);
            }
            ch.position(valid);
            return new Opened(new OutboxJournal(file, ch, valid), records, cut);
        } catch (IOException e) {
            throw new UplinkException(UplinkException.Reason.STORAGE, "cannot open outbox " + file, e);
        }
    }

    long size() {
        return size;
    }

    void append(OutboxRecord record) throws UplinkException {
        ByteBuffer frame = frame(encode(record));
        try {
            while (frame.hasRemaining()) {
                channel.write(frame);
            }
        } catch (IOException e) {
            throw new UplinkException(UplinkException.Reason.STORAGE, "cannot append to outbox " + file, e);
        }
        size += frame.limit();
        dirty = true;
    }

    /** Forces written frames to the storage device if anything was written since the last force. */
    void force() throws UplinkException {
        if (!dirty) {
            return;
        }
        try {
            channel.force(false);
            dirty = false;
        } catch (IOException e) {
            throw new UplinkException(UplinkException.Reason.STORAGE, "cannot force outbox " + file, e);
        }
    }

    /**
     * Replaces the journal by one holding only {@code live}: written to a side file, forced, then
     * renamed over the old one, so a power cut leaves either the old or the new journal whole.
     */
    void rewrite(List<OutboxRecord> live) throws UplinkException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            long written = 0;
            for (OutboxRecord r : live) {
                ByteBuffer frame = frame(encode(r));
                while (frame.hasRemaining()) {
                    written += out.write(frame);
                }
            }
            out.force(true);
            channel.close();
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // without this the rename itself may not survive a power cut, and with it whatever is
            // appended to the new file afterwards
            try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            }
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
            channel.position(written);
            size = written;
            dirty = false;
        } catch (IOException e) {
            throw new UplinkException(UplinkException.Reason.STORAGE, "cannot compact outbox " + file, e);
        }
    }

    @Override
    public void close() throws UplinkException {
        try {
            force();
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UplinkException(UplinkException.Reason.STORAGE, "cannot close outbox " + file, e);
            }
        }
    }

    private static long replay(FileChannel ch, List<OutboxRecord> into) throws IOException {
        long pos = 0;
        long end = ch.size();
        ByteBuffer header = ByteBuffer.allocate(4);
        while (end - pos >= 8) {
            header.clear();
            readFully(ch, header, pos);
            int len = header.getInt(0);
            if (len < 9 || len > MAX_BODY || end - pos < 8L + len) {
                break;
            }
            ByteBuffer body = ByteBuffer.allocate(len + 4);
            readFully(ch, body, pos + 4);
            CRC32C crc = new CRC32C();
            crc.update(body.array(), 0, len);
            if ((int) crc.getValue() != body.getInt(len)) {
                break;
            }
            OutboxRecord r = decode(ByteBuffer.wrap(body.array(), 0, len));
            if (r == null) {
                break;
            }
            into.add(r);
            pos += 8L + len;
        }
        return pos;
    }

    /** FileChannel.read may return fewer bytes than asked even inside the file. */
    private static void readFully(FileChannel ch, ByteBuffer into, long at) throws IOException {
        while (into.hasRemaining()) {
            if (ch.read(into, at + into.position()) < 0) {
                throw new IOException("journal shrank while being read");
            }
        }
    }

    static byte[] encode(OutboxRecord r) {
        return switch (r) {
            case OutboxRecord.Append a -> {
                byte[] p = a.entry().payload();
                yield ByteBuffer.allocate(10 + p.length).put(APPEND).putLong(a.entry().id())
                        .put((byte) a.entry().priority().ordinal()).put(p).array();
            }
            case OutboxRecord.Ack a -> ByteBuffer.allocate(9).put(ACK).putLong(a.id()).array();
            case OutboxRecord.Drop d -> ByteBuffer.allocate(10).put(DROP).putLong(d.id())
                    .put((byte) d.priority().ordinal()).array();
            case OutboxRecord.Reserve v -> ByteBuffer.allocate(9).put(RESERVE).putLong(v.id()).array();
            case OutboxRecord.Meta m -> ByteBuffer.allocate(33).put(META).putLong(m.nextId())
                    .putLong(m.droppedAlarm()).putLong(m.droppedFigures()).putLong(m.droppedHealth()).array();
        };
    }

    /** Decodes one body; null for an unknown type or a length that does not fit the type. */
    static OutboxRecord decode(ByteBuffer b) {
        byte type = b.get();
        long id = b.getLong();
        int rest = b.remaining();
        Priority[] prio = Priority.values();
        return switch (type) {
            case APPEND -> {
                int p = rest >= 1 ? b.get() : -1;
                if (p < 0 || p >= prio.length || id <= 0) {
                    yield null;
                }
                byte[] payload = new byte[b.remaining()];
                b.get(payload);
                yield new OutboxRecord.Append(new OutboxEntry(id, prio[p], payload));
            }
            case ACK -> rest == 0 ? new OutboxRecord.Ack(id) : null;
            case DROP -> {
                int p = rest == 1 ? b.get() : -1;
                yield p >= 0 && p < prio.length ? new OutboxRecord.Drop(id, prio[p]) : null;
            }
            case RESERVE -> rest == 0 ? new OutboxRecord.Reserve(id) : null;
            case META -> rest == 24 ? new OutboxRecord.Meta(id, b.getLong(), b.getLong(), b.getLong()) : null;
            default -> null;
        };
    }

    private static ByteBuffer frame(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return ByteBuffer.allocate(8 + body.length).putInt(body.length).put(body).putInt((int) crc.getValue()).flip();
    }
}
