package io.branchbox.firmware.isdn.lapd;

/**
 * State 8: a poll (RR command, P=1) is out; no new I frames are sent until the answer (F=1) says
 * where the peer stands, then everything from its N(R) is sent again.
 */
final class TimerRecovery extends Established {

    TimerRecovery(LapdLink link) {
        super(link);
    }

    @Override
    public String name() {
        return "timer-recovery(8)";
    }

    @Override
    public void flush() {
        link.out().pendingAck();
    }

    @Override
    public void onT200() {
        if (link.retryCount() >= link.settings().n200()) {
            reestablish(MdlError.I, "no answer to " + link.retryCount() + " polls");
            return;
        }
        link.out().enquiry();
        link.incrementRetryCount();
    }

    @Override
    public void onDm(boolean f) {
        reestablish(f ? MdlError.B : MdlError.E, "peer sent DM during timer recovery");
    }

    @Override
    public void onSupervisory(LapdFrame.Supervisory frame, boolean command) {
        v.peerBusy = frame instanceof LapdFrame.RNR;
        if (frame instanceof LapdFrame.REJ) {
            link.countRejectReceived();
        }
        if (command && frame.pf()) {
            link.out().enquiryResponse();
        }
        int nr = frame.nr();
        if (!v.nrValid(nr)) {
            nrError(nr);
            return;
        }
        v.acknowledge(nr);
        if (!command && frame.pf()) {
            link.timers().stopT200();
            if (v.peerBusy) {
                link.timers().startT200();
            } else {
                link.timers().startT203();
            }
            // Invoke retransmission: state 7's flush resends from N(R).
            v.vs = nr;
            link.transition(new MultipleFrameEstablished(link), "poll answered, N(R)=" + nr);
        }
    }

    @Override
    void onAcknowledgement(int nr) {
        v.acknowledge(nr);
    }
}
