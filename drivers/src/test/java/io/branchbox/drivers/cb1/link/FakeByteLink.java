package io.branchbox.drivers.cb1.link;

import io.branchbox.drivers.cb1.frame.HdlcDecoder;
import io.branchbox.drivers.cb1.frame.HdlcEncoder;
import io.branchbox.drivers.cb1.msg.Cb1Codec;
import io.branchbox.drivers.cb1.msg.Cb1Message;
import io.branchbox.drivers.cb1.msg.Cb1ProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory board end of a {@link ByteLink}: records what the host wrote (raw and decoded) and
 * lets the test play the board. Everything runs on the test thread.
 */
final class FakeByteLink implements ByteLink {
    final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    final List<Cb1Message> written = new ArrayList<>();
    private final HdlcDecoder decoder = new HdlcDecoder(this::decoded);
    private ByteListener listener;
    private boolean open;
    boolean failOpen;

    @Override
    public void open(ByteListener l) throws IOException {
        if (failOpen) {
            throw new IOException("no such device");
        }
        listener = l;
        open = true;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (!open) {
            throw new IOException("closed");
        }
        raw.write(b, off, len);
        decoder.feed(b, off, len);
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            listener.onClosed(null);
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** The board sends {@code m}. */
    void boardSends(Cb1Message m) {
        byte[] content = Cb1Codec.encode(m);
        boardSendsContent(content);
    }

    void boardSendsContent(byte[] content) {
        byte[] out = new byte[HdlcEncoder.maxEncodedSize(content.length)];
        int n = HdlcEncoder.encode(content, 0, content.length, out, 0);
        listener.onBytes(out, 0, n);
    }

    void boardSendsBytes(byte[] b) {
        listener.onBytes(b, 0, b.length);
    }

    /** The device vanishes under the host. */
    void vanish() {
        open = false;
        listener.onClosed(new IOException("device vanished"));
    }

    /** Written messages of one class, in order. */
    <T extends Cb1Message> List<T> sent(Class<T> type) {
        return written.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private void decoded(byte[] content, int off, int len) {
        try {
            written.add(Cb1Codec.decode(content, off, len));
        } catch (Cb1ProtocolException e) {
            throw new AssertionError("host wrote an undecodable frame", e);
        }
    }
}
