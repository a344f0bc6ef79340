package io.branchbox.rig.board;

import io.branchbox.drivers.cb1.frame.HdlcDecoder;
import io.branchbox.drivers.cb1.frame.HdlcEncoder;
import io.branchbox.drivers.cb1.link.ByteListener;
import io.branchbox.drivers.cb1.link.JSerialCommLink;
import io.branchbox.drivers.cb1.msg.Cb1Codec;
import io.branchbox.drivers.cb1.msg.Cb1Message;
import io.branchbox.drivers.cb1.msg.Cb1ProtocolException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A bare host on the pty slave: sends chosen frames and queues every decoded board frame. */
final class RawHost implements ByteListener, AutoCloseable {
    final LinkedBlockingQueue<Cb1Message> received = new LinkedBlockingQueue<>();
    private final HdlcDecoder decoder = new HdlcDecoder(this::frame);
    private final JSerialCommLink link;

    RawHost(Path device) throws IOException {
        link = new JSerialCommLink(device, 3_000_000, false);
        link.open(this);
    }

    void send(Cb1Message m) throws IOException {
        sendContent(Cb1Codec.encode(m));
    }

    void sendContent(byte[] content) throws IOException {
        byte[] out = new byte[HdlcEncoder.maxEncodedSize(content.length)];
        int n = HdlcEncoder.encode(content, 0, content.length, out, 0);
        link.write(out, 0, n);
    }

    /** The next received message matching {@code p} within 3 s (others are skipped), or null. */
    <T extends Cb1Message> T next(Class<T> type, Predicate<T> p) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < deadline) {
            Cb1Message m = received.poll(50, TimeUnit.MILLISECONDS);
            if (type.isInstance(m) && p.test(type.cast(m))) {
                return type.cast(m);
            }
        }
        return null;
    }

    <T extends Cb1Message> T next(Class<T> type) throws InterruptedException {
        return next(type, m -> true);
    }

    private void frame(byte[] c, int off, int len) {
        try {
            received.add(Cb1Codec.decode(c, off, len));
        } catch (Cb1ProtocolException e) {
            throw new AssertionError("board sent an undecodable frame", e);
        }
    }

    @Override
    public void onBytes(byte[] b, int off, int len) {
        decoder.feed(b, off, len);
    }

    @Override
    public void onClosed(IOException cause) {}

    @Override
    public void close() {
        link.close();
    }
}
