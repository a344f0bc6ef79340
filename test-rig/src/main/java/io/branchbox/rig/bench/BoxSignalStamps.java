package io.branchbox.rig.bench;

import io.branchbox.drivers.cb1.msg.Cb1Codec;
import io.branchbox.drivers.cb1.msg.Cb1ProtocolException;
import io.branchbox.drivers.cb1.msg.DChannel;
import io.branchbox.drivers.cb1.msg.MessageType;
import io.branchbox.firmware.isdn.capture.DChannelCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The box's side of the burst's timing, inside the box's process: every Q.931 message of a call
 * in a D-channel frame at the box's serial port (through {@link AudioTap.ControlHook}, so it costs
 * no second deframing), and at the signalling thread (the span's {@link DChannelCapture}, read once
 * after the burst). Written to a file of {@link SignalStamp#line()}s that the bench joins with its
 * own stamps at the carrier.
 *
 * <p>Threading: {@link #onControl} on the box's reader and writer threads (a short lock; at most
 * {@link #MAX} stamps, then nothing more is kept); {@link #write} once, from the bench's main.
 */
final class BoxSignalStamps implements AudioTap.ControlHook {
    private static final int MAX = 4096;
    private static final int PCAP_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final int LAPD_HEADER = 16;
    private static final int PACKET_OUTGOING = 4;

    private final List<SignalStamp> port = new ArrayList<>();

    @Override
    public void onControl(boolean fromBoard, byte[] content, int off, int len, long nanos) {
        if ((content[off] & 0xFF) != MessageType.DCHAN.code()) {
            return;
        }
        try {
            if (Cb1Codec.decode(content, off, len) instanceof DChannel d) {
                SignalStamp.q931(d.lapd()).ifPresent(m -> keep(new SignalStamp(fromBoard
                        ? SignalStamp.Stage.BOX_PORT_IN : SignalStamp.Stage.BOX_PORT_OUT, m.type(),
                        m.callReference().value(), nanos)));
            }
        } catch (Cb1ProtocolException e) {
            // the box's own reader counts a bad frame; here it is just not timed
        }
    }

    private synchronized void keep(SignalStamp s) {
        if (port.size() < MAX) {
            port.add(s);
        }
    }

    /** Writes the port's stamps and the signalling thread's (from {@code capture}) to {@code file}. */
    void write(DChannelCapture capture, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        synchronized (this) {
            port.forEach(s -> lines.add(s.line()));
        }
        if (capture != null) {
            ByteArrayOutputStream pcap = new ByteArrayOutputStream();
            capture.writePcap(pcap);
            signalling(pcap.toByteArray()).forEach(s -> lines.add(s.line()));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /**
     * The capture's records as stamps. The capture keeps wall-clock microseconds: they are moved
     * to this process's {@link System#nanoTime()} by the offset between the two clocks now.
     */
    private static List<SignalStamp> signalling(byte[] pcap) {
        Instant wall = Instant.now();
        long mono = System.nanoTime();
        long offset = mono - (wall.getEpochSecond() * 1_000_000_000L + wall.getNano());
        List<SignalStamp> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        b.position(PCAP_HEADER);
        while (b.remaining() >= RECORD_HEADER) {
            long sec = Integer.toUnsignedLong(b.getInt());
            long micros = Integer.toUnsignedLong(b.getInt());
            int len = b.getInt();
            b.getInt();
            int start = b.position();
            boolean sent = ((pcap[start] & 0xFF) << 8 | pcap[start + 1] & 0xFF) == PACKET_OUTGOING;
            byte[] lapd = Arrays.copyOfRange(pcap, start + LAPD_HEADER, start + len);
            long nanos = sec * 1_000_000_000L + micros * 1000 + offset;
            SignalStamp.q931(lapd).ifPresent(m -> out.add(new SignalStamp(sent
                    ? SignalStamp.Stage.BOX_SIGNALLING_OUT : SignalStamp.Stage.BOX_SIGNALLING_IN, m.type(),
                    m.callReference().value(), nanos)));
            b.position(start + len);
        }
        return out;
    }
}
