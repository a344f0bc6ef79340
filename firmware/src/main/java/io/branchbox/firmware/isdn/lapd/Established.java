package io.branchbox.firmware.isdn.lapd;

/**
 * What states 7 (multiple-frame established) and 8 (timer recovery) share: receiving I frames,
 * the unnumbered frames, N(R) checking and re-establishment after errors.
 */
abstract class Established implements LinkState {
    final LapdLink link;
    final LinkVariables v;

    Established(LapdLink link) {
        this.link = link;
        this.v = link.variables();
    }

    @Override
    public final boolean isUp() {
        return true;
    }

    /** Handles a valid N(R) from an I frame (state 7 also from RR); the states differ in timer care. */
    abstract void onAcknowledgement(int nr);

    @Override
    public void onI(LapdFrame.I frame) {
        if (frame.ns() == v.vr) {
            v.vr = LinkVariables.mod(v.vr + 1);
            v.rejectException = false;
            link.deliver(frame.info());
            if (frame.p()) {
                link.out().enquiryResponse();
            } else {
                v.ackPending = true;
            }
        } else if (v.rejectException) {
            if (frame.p()) {
                link.out().enquiryResponse();
            }
        } else {
            v.rejectException = true;
            link.out().reject(frame.p());
        }
        if (!v.nrValid(frame.nr())) {
            nrError(frame.nr());
            return;
        }
        onAcknowledgement(frame.nr());
    }

    void nrError(int nr) {
        reestablish(MdlError.J, "N(R)=" + nr + " outside V(A)=" + v.va + "..V(S)=" + v.vs);
    }

    /** Q.921 "establish data link" after an error: layer 3 hears only the new up, no down. */
    void reestablish(MdlError code, String detail) {
        link.mdlError(code);
        restart(code + ": " + detail);
    }

    private void restart(String why) {
        link.establishDataLink();
        link.transition(new AwaitingEstablishment(link), "re-establishing after " + why);
    }

    @Override
    public void onSabme(boolean p) {
        link.mdlError(MdlError.F);
        link.resetVariables();
        link.out().ua(p);
        link.timers().stopT200();
        link.timers().startT203();
        link.transitionUp("peer re-established (" + MdlError.F + ")");
    }

    @Override
    public void onDisc(boolean p) {
        link.resetVariables();
        link.out().ua(p);
        link.transition(new TeiAssigned(link), "peer released the link (DISC)");
    }

    @Override
    public void onUa(boolean f) {
        link.mdlError(f ? MdlError.C : MdlError.D);
    }

    @Override
    public void onFrmr() {
        reestablish(MdlError.K, "peer sent FRMR");
    }

    @Override
    public void onFrameError(MdlError code) {
        // The link has already counted and logged the MDL-ERROR for the malformed frame.
        restart(code.toString());
    }

    @Override
    public void onReleaseRequest() {
        link.resetVariables();
        link.resetRetryCount();
        link.out().disc();
        link.timers().startT200();
        link.transition(new AwaitingRelease(link), "release requested by layer 3");
    }
}
