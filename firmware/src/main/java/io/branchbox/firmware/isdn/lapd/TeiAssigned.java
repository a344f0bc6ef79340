package io.branchbox.firmware.isdn.lapd;

/** State 4: no multiple-frame operation; the link answers SABME and DISC and may try to establish. */
final class TeiAssigned implements LinkState {
    private final LapdLink link;

    TeiAssigned(LapdLink link) {
        this.link = link;
    }

    @Override
    public String name() {
        return "tei-assigned(4)";
    }

    @Override
    public void enter() {
        link.timers().stopAll();
        if (link.wantsLink()) {
            link.timers().startRetry();
        }
    }

    @Override
    public void onEstablishRequest() {
        link.establishDataLink();
        link.transition(new AwaitingEstablishment(link), "establishing");
    }

    @Override
    public void onRetryTimer() {
        if (link.wantsLink()) {
            onEstablishRequest();
        }
    }

    @Override
    public void onSabme(boolean p) {
        link.resetVariables();
        link.out().ua(p);
        link.timers().startT203();
        link.transitionUp("peer established (SABME)");
    }

    @Override
    public void onDisc(boolean p) {
        link.out().dm(p);
    }

    @Override
    public void onUa(boolean f) {
        link.mdlError(f ? MdlError.C : MdlError.D);
    }

    @Override
    public void onDm(boolean f) {
        // DM F=0 is the peer asking for establishment (Q.921 5.5.1.1).
        if (!f && link.physicalUp()) {
            onEstablishRequest();
        }
    }

    @Override
    public void onI(LapdFrame.I frame) {
        if (frame.p()) {
            link.out().dm(true);
        }
    }

    @Override
    public void onSupervisory(LapdFrame.Supervisory frame, boolean command) {
        // Tells a peer that thinks the link is up that it is not, so it re-establishes.
        if (command && frame.pf()) {
            link.out().dm(true);
        }
    }
}
