package io.branchbox.firmware.isdn.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the last D-channel frames of one span in memory and writes them as a pcap file that
 * Wireshark and tshark dissect as LAPD and Q.931 (LINKTYPE_LINUX_LAPD, 177).
 *
 * <p>Each record carries the 16-byte Linux LAPD header, so a reader sees which side sent each
 * frame: packet type 4 (outgoing) for frames the box sent, 0 for frames it received, and the
 * first address byte says whether the capturing side is the network (1) or the user (0). The
 * ring holds at most {@code maxFrames} frames and {@code maxBytes} bytes; older frames go first.
 *
 * <p>Threading: {@link #record} is called on the signalling thread, {@link #writePcap} from a web
 * request; they share the ring under a short lock and the file is written outside it.
 */
public final class DChannelCapture {
    /** pcap link type of Linux mISDN LAPD with its 16-byte header. */
    public static final int LINKTYPE_LINUX_LAPD = 177;
    private static final int PACKET_HOST = 0;
    private static final int PACKET_OUTGOING = 4;
    private static final int ARPHRD_LAPD = 8445;
    private static final int ETH_P_LAPD = 0x0030;
    private static final int HEADER = 16;

    private record Frame(long micros, boolean sent, byte[] lapd) {}

    private final Clock clock;
    private final boolean weAreNetwork;
    private final int maxFrames;
    private final long maxBytes;
    private final ArrayDeque<Frame> ring = new ArrayDeque<>();
    private long bytes;
    private long dropped;

    public DChannelCapture(Clock clock, boolean weAreNetwork, int maxFrames, long maxBytes) {
        this.clock = clock;
        this.weAreNetwork = weAreNetwork;
        this.maxFrames = maxFrames;
        this.maxBytes = maxBytes;
    }

    /** Remembers one LAPD frame (address through information, no FCS); the array is copied. */
    public void record(boolean sentByUs, byte[] lapd) {
        // one reading: seconds and nanoseconds of two readings straddle a second's tick now and then
        Instant now = clock.instant();
        long micros = Math.multiplyExact(now.getEpochSecond(), 1_000_000L) + now.getNano() / 1000;
        Frame f = new Frame(micros, sentByUs, lapd.clone());
        synchronized (ring) {
            ring.addLast(f);
            bytes += lapd.length;
            while (ring.size() > maxFrames || bytes > maxBytes) {
                bytes -= ring.removeFirst().lapd.length;
                dropped++;
            }
        }
    }

    /** Frames currently held. */
    public int size() {
        synchronized (ring) {
            return ring.size();
        }
    }

    /** Frames pushed out of the ring by newer ones since start. */
    public long dropped() {
        synchronized (ring) {
            return dropped;
        }
    }

    /** Writes everything held as a pcap file (classic format, microsecond timestamps). */
    public void writePcap(OutputStream out) throws IOException {
        List<Frame> frames;
        synchronized (ring) {
            frames = new ArrayList<>(ring);
        }
        ByteBuffer g = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        g.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                .putInt(LINKTYPE_LINUX_LAPD);
        out.write(g.array());
        for (Frame f : frames) {
            int len = HEADER + f.lapd.length;
            ByteBuffer r = ByteBuffer.allocate(16 + len).order(ByteOrder.LITTLE_ENDIAN);
            r.putInt((int) (f.micros / 1_000_000)).putInt((int) (f.micros % 1_000_000)).putInt(len).putInt(len);
            r.order(ByteOrder.BIG_ENDIAN);
            r.putShort((short) (f.sent ? PACKET_OUTGOING : PACKET_HOST));
            r.putShort((short) ARPHRD_LAPD);
            r.putShort((short) 1); // address length: the one byte below
            r.put((byte) (weAreNetwork ? 1 : 0)).put(new byte[7]);
            r.putShort((short) ETH_P_LAPD);
            r.put(f.lapd);
            out.write(r.array());
        }
        out.flush();
    }
}
