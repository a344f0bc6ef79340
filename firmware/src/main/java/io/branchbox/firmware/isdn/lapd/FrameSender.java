package io.branchbox.firmware.isdn.lapd;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending half of one link: builds frames with the C/R bits of its {@link Role}, counts them
 * and hands them to the D-channel, and runs the Q.921 transmit procedures (I frames within the
 * window, acknowledgements, polls). Not thread-safe: the link's thread only.
 */
final class FrameSender {
    private static final Logger log = LoggerFactory.getLogger(LapdLink.class);

    private final Consumer<byte[]> toPhysical;
    private final LinkVariables v;
    private final LinkTimers timers;
    private final CounterSet counters;
    private final int k;
    private final String name;
    private final LapdAddress command;
    private final LapdAddress response;

    FrameSender(Role role, int k, Consumer<byte[]> toPhysical, LinkVariables v, LinkTimers timers,
            CounterSet counters, String name) {
        this.toPhysical = toPhysical;
        this.v = v;
        this.timers = timers;
        this.counters = counters;
        this.k = k;
        this.name = name;
        this.command = LapdAddress.pri(role.commandCr());
        this.response = LapdAddress.pri(role.responseCr());
    }

    void sabme() {
        transmit(new LapdFrame.SABME(command, true));
    }

    void disc() {
        transmit(new LapdFrame.DISC(command, true));
    }

    void ua(boolean f) {
        transmit(new LapdFrame.UA(response, f));
    }

    void dm(boolean f) {
        transmit(new LapdFrame.DM(response, f));
    }

    /** Sends I frames while there is something to send, the peer is not busy and k allows. */
    void iFrames() {
        while (!v.peerBusy && v.windowOpen(k) && v.hasFrameToSend()) {
            boolean again = v.nextIsRetransmission();
            byte[] info = v.takeNext();
            transmit(new LapdFrame.I(command, v.vs, v.vr, false, info));
            v.vs = LinkVariables.mod(v.vs + 1);
            v.ackPending = false;
            counters.iFramesOut++;
            if (again) {
                counters.retransmissions++;
            }
            if (!timers.t200Running()) {
                timers.startT200();
            }
        }
    }

    /** Acknowledges received I frames with RR when no outgoing I frame carried N(R). */
    void pendingAck() {
        if (v.ackPending) {
            v.ackPending = false;
            transmit(new LapdFrame.RR(response, v.vr, false));
        }
    }

    /** Poll: RR command with P=1, T200 running. */
    void enquiry() {
        v.ackPending = false;
        transmit(new LapdFrame.RR(command, v.vr, true));
        timers.startT200();
    }

    /** Answer to a poll: RR response with F=1. */
    void enquiryResponse() {
        v.ackPending = false;
        transmit(new LapdFrame.RR(response, v.vr, true));
    }

    void reject(boolean f) {
        v.ackPending = false;
        counters.rejectsSent++;
        transmit(new LapdFrame.REJ(response, v.vr, f));
    }

    void transmit(LapdFrame frame) {
        log.trace("{}: -> {}", name, frame);
        counters.framesOut++;
        try {
            toPhysical.accept(LapdCodec.encode(frame));
        } catch (RuntimeException e) {
            // A frame the driver could not take is a lost frame; T200 recovers it.
            log.warn("{}: D-channel refused {}", name, frame, e);
        }
    }
}
