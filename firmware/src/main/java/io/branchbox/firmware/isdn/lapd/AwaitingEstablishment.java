package io.branchbox.firmware.isdn.lapd;

/** State 5: SABME sent, waiting for UA; retried every T200 up to N200 times. */
final class AwaitingEstablishment implements LinkState {
    private final LapdLink link;

    AwaitingEstablishment(LapdLink link) {
        this.link = link;
    }

    @Override
    public String name() {
        return "awaiting-establishment(5)";
    }

    @Override
    public void onT200() {
        if (link.retryCount() >= link.settings().n200()) {
            link.mdlError(MdlError.G);
            link.transition(new TeiAssigned(link), MdlError.G.toString());
            return;
        }
        link.incrementRetryCount();
        link.out().sabme();
        link.timers().startT200();
    }

    @Override
    public void onSabme(boolean p) {
        // Both sides sent SABME at once: answer theirs and keep waiting for the UA to ours.
        link.out().ua(p);
    }

    @Override
    public void onDisc(boolean p) {
        link.out().dm(p);
    }

    @Override
    public void onUa(boolean f) {
        if (!f) {
            link.mdlError(MdlError.D);
            return;
        }
        link.timers().stopT200();
        link.resetVariables();
        link.timers().startT203();
        link.transitionUp("UA received");
    }

    @Override
    public void onDm(boolean f) {
        if (f) {
            link.timers().stopT200();
            link.transition(new TeiAssigned(link), "peer refused establishment (DM)");
        }
    }

    @Override
    public void onReleaseRequest() {
        link.timers().stopT200();
        link.transition(new TeiAssigned(link), "release requested while establishing");
    }
}
