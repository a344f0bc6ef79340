package io.branchbox.firmware.isdn.lapd;

/** State 7: I frames flow both ways; T203 polls an idle link, T200 guards unacknowledged frames. */
final class MultipleFrameEstablished extends Established {

    MultipleFrameEstablished(LapdLink link) {
        super(link);
    }

    @Override
    public String name() {
        return "multiple-frame-established(7)";
    }

    @Override
    public void flush() {
        link.out().iFrames();
        link.out().pendingAck();
    }

    @Override
    public void onT200() {
        // Q.921 allows a poll instead of resending the last I frame; the poll also covers RNR.
        link.resetRetryCount();
        link.out().enquiry();
        link.incrementRetryCount();
        link.transition(new TimerRecovery(link), "T200 expired");
    }

    @Override
    public void onT203() {
        link.resetRetryCount();
        link.out().enquiry();
        link.transition(new TimerRecovery(link), "T203 expired (idle)");
    }

    @Override
    public void onDm(boolean f) {
        if (f) {
            link.mdlError(MdlError.B);
        } else {
            reestablish(MdlError.E, "peer sent DM");
        }
    }

    @Override
    public void onSupervisory(LapdFrame.Supervisory frame, boolean command) {
        v.peerBusy = frame instanceof LapdFrame.RNR;
        if (command && frame.pf()) {
            link.out().enquiryResponse();
        } else if (!command && frame.pf()) {
            link.mdlError(MdlError.A);
        }
        int nr = frame.nr();
        if (!v.nrValid(nr)) {
            nrError(nr);
            return;
        }
        switch (frame) {
            case LapdFrame.REJ rej -> {
                link.countRejectReceived();
                v.acknowledge(nr);
                link.timers().stopT200();
                link.timers().startT203();
                v.vs = nr;
            }
            case LapdFrame.RNR rnr -> {
                v.acknowledge(nr);
                // T200 keeps running while the peer is busy so that it gets polled.
                link.timers().startT200();
            }
            case LapdFrame.RR rr -> onAcknowledgement(nr);
        }
    }

    @Override
    void onAcknowledgement(int nr) {
        if (v.peerBusy) {
            v.acknowledge(nr);
        } else if (nr == v.vs) {
            v.acknowledge(nr);
            link.timers().stopT200();
            link.timers().startT203();
        } else if (nr != v.va) {
            v.acknowledge(nr);
            link.timers().startT200();
        }
    }
}
