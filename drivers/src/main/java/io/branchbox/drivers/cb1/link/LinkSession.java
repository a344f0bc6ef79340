package io.branchbox.drivers.cb1.link;

import io.branchbox.drivers.cb1.frame.DecoderCounters;
import io.branchbox.drivers.cb1.frame.FrameSink;
import io.branchbox.drivers.cb1.frame.HdlcDecoder;
import io.branchbox.drivers.cb1.msg.AudioFrames;
import io.branchbox.drivers.cb1.msg.Cb1Codec;
import io.branchbox.drivers.cb1.msg.Cb1Message;
import io.branchbox.drivers.cb1.msg.Cb1ProtocolException;
import java.io.IOException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One opened device, from open to close: the receive side of the link.
 *
 * <p>Bytes from the reader thread go through a fresh HDLC decoder (a partial frame from a previous
 * connection never leaks into this one). AUDIO frames take the fast path straight to the
 * listener on the reader thread, without decoding into a message; every other frame is decoded
 * and handed to {@code control}, which moves it onto the scheduler thread.
 *
 * <p>Threading: {@link #onBytes} and {@link #onFrame} run on the link's reader thread only.
 */
final class LinkSession implements ByteListener, FrameSink {
    private static final Logger log = LoggerFactory.getLogger(LinkSession.class);

    final ByteLink link;
    private final HdlcDecoder decoder = new HdlcDecoder(this);
    private final BoardListener listener;
    private final CounterSet counters;
    private final Consumer<Cb1Message> control;
    private final BiConsumer<LinkSession, IOException> closed;

    LinkSession(ByteLink link, BoardListener listener, CounterSet counters, Consumer<Cb1Message> control,
            BiConsumer<LinkSession, IOException> closed) {
        this.link = link;
        this.listener = listener;
        this.counters = counters;
        this.control = control;
        this.closed = closed;
    }

    DecoderCounters decoderCounters() {
        return decoder.counters();
    }

    @Override
    public void onBytes(byte[] b, int off, int len) {
        decoder.feed(b, off, len);
    }

    @Override
    public void onClosed(IOException cause) {
        closed.accept(this, cause);
    }

    @Override
    public void onFrame(byte[] content, int off, int len) {
        counters.framesIn.incrementAndGet();
        if (AudioFrames.isAudio(content, off, len)) {
            counters.audioIn.incrementAndGet();
            try {
                listener.onAudio(content[off + 2] & 0xFF, content[off + 3] & 0xFF,
                        AudioFrames.frameNo(content, off), content, off + AudioFrames.SAMPLES_OFFSET);
            } catch (RuntimeException e) {
                // a faulty audio consumer must not take the reader thread (and the link) down
                counters.otherDrops.incrementAndGet();
                log.warn("audio listener failed", e);
            }
            return;
        }
        try {
            control.accept(Cb1Codec.decode(content, off, len));
        } catch (Cb1ProtocolException e) {
            counters.otherDrops.incrementAndGet();
            log.warn("dropped an undecodable frame from the board: {}", e.getMessage());
        }
    }
}
